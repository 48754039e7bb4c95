package io.github.passkeys4j.spring.security;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@link RecentPasskey} on methods: the annotation's minutes (or the default) through {@link PasskeyStepUp}. */
final class RecentPasskeyAuthorizationManager implements AuthorizationManager<MethodInvocation> {

    private final Duration defaultMaxAge;
    private final Clock clock;
    private final Map<Duration, PasskeyStepUp<MethodInvocation>> managers = new ConcurrentHashMap<>();

    RecentPasskeyAuthorizationManager(Duration defaultMaxAge, Clock clock) {
        this.defaultMaxAge = defaultMaxAge;
        this.clock = clock;
    }

    /**
     * The interceptor that enforces {@link RecentPasskey}, right after {@code @PreAuthorize}: a bean of this (with
     * {@code @Role(ROLE_INFRASTRUCTURE)}) is picked up by {@code @EnableMethodSecurity}.
     */
    static AuthorizationManagerBeforeMethodInterceptor interceptor(Duration defaultMaxAge, Clock clock) {
        Pointcut annotated = new ComposablePointcut(new AnnotationMatchingPointcut(null, RecentPasskey.class, true))
                .union(new AnnotationMatchingPointcut(RecentPasskey.class, true));
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                annotated, new RecentPasskeyAuthorizationManager(defaultMaxAge, clock));
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }

    @Override
    public @Nullable AuthorizationResult authorize(
            Supplier<? extends @Nullable Authentication> authentication, MethodInvocation invocation) {
        Duration maxAge = maxAge(invocation);
        return managers.computeIfAbsent(maxAge, age -> PasskeyStepUp.recentPasskey(age, clock))
                .authorize(authentication, invocation);
    }

    private Duration maxAge(MethodInvocation invocation) {
        Object target = invocation.getThis();
        Method method = target == null
                ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), target.getClass());
        RecentPasskey annotation = AnnotatedElementUtils.findMergedAnnotation(method, RecentPasskey.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), RecentPasskey.class);
        }
        return annotation == null || annotation.minutes() <= 0
                ? defaultMaxAge
                : Duration.ofMinutes(annotation.minutes());
    }
}

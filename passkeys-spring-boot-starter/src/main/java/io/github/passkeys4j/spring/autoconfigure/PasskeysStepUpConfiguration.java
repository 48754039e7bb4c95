package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.security.PasskeyStepUp;
import io.github.passkeys4j.spring.security.PasskeyStepUpGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Step-up: the guard of the starter's own actions, and {@code @RecentPasskey} for the app's methods. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasskeysStepUpProperties.class)
class PasskeysStepUpConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasskeyStepUpGuard passkeyStepUpGuard(PasskeysStepUpProperties properties, RelyingParty relyingParty) {
        return new PasskeyStepUpGuard(properties.getActions(), properties.getMaxAge(), relyingParty.clock());
    }

    /**
     * Enforces {@code @RecentPasskey} where the app has {@code @EnableMethodSecurity}. Static and lazy: advisors are
     * made before most beans, so it reads its setting from the environment and the relying party's clock on first use.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnClass(name = "org.aopalliance.intercept.MethodInterceptor")
    static AuthorizationManagerBeforeMethodInterceptor passkeysRecentPasskeyInterceptor(
            Environment environment, ObjectProvider<RelyingParty> relyingParty) {
        Duration maxAge = Binder.get(environment)
                .bind("passkeys.step-up.max-age", Duration.class)
                .orElse(Duration.ofMinutes(5));
        return PasskeyStepUp.methodInterceptor(maxAge, new RelyingPartyClock(relyingParty));
    }

    /** The relying party's clock, looked up when first read. */
    private static final class RelyingPartyClock extends Clock {
        private final ObjectProvider<RelyingParty> relyingParty;

        RelyingPartyClock(ObjectProvider<RelyingParty> relyingParty) {
            this.relyingParty = relyingParty;
        }

        @Override
        public Instant instant() {
            return relyingParty.getObject().clock().instant();
        }

        @Override
        public ZoneId getZone() {
            return relyingParty.getObject().clock().getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return relyingParty.getObject().clock().withZone(zone);
        }
    }
}

package io.github.passkeys4j.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Step-up: an {@link AuthorizationManager} that grants only a user who confirmed a passkey <em>with user
 * verification</em> (fingerprint, face, PIN) within the last {@code maxAge}, for a dangerous action:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a
 *         .requestMatchers("/account/delete").access(PasskeyStepUp.recentPasskey(Duration.ofMinutes(5)))
 *         .anyRequest().authenticated());
 * }</pre>
 *
 * It is Spring Security's {@link AllRequiredFactorsAuthorizationManager} requiring {@code FACTOR_WEBAUTHN} issued
 * within {@code maxAge}, plus one check of ours: a passkey sign-in without user verification (possible only when
 * {@code passkeys.user-verification} was relaxed) does not count. A password sign-in has no {@code FACTOR_WEBAUTHN}.
 * A refusal is a {@link FactorAuthorizationDecision} naming that factor, so the starter's handler (added to the
 * app's chain) sends a page request to the step-up page and back, and answers a JSON request with a 401 problem whose
 * {@code reason} is {@code STEP_UP_REQUIRED}. On methods: {@link RecentPasskey}.
 */
public final class PasskeyStepUp<T> implements AuthorizationManager<T> {

    /** The factor a step-up renews: Spring Security's {@code FACTOR_WEBAUTHN}. */
    public static final String FACTOR = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    private final RequiredFactor required;
    private final AllRequiredFactorsAuthorizationManager<T> factors;

    private PasskeyStepUp(Duration maxAge, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, not " + maxAge);
        }
        this.required =
                RequiredFactor.withAuthority(FACTOR).validDuration(maxAge).build();
        this.factors = AllRequiredFactorsAuthorizationManager.<T>builder()
                .requireFactor(required)
                .build();
        this.factors.setClock(Objects.requireNonNull(clock, "clock"));
    }

    /** Grants a user who confirmed a passkey with user verification within the last {@code maxAge}. */
    public static <T> PasskeyStepUp<T> recentPasskey(Duration maxAge) {
        return new PasskeyStepUp<>(maxAge, Clock.systemUTC());
    }

    /** As {@link #recentPasskey(Duration)}, measured with {@code clock} (a test clock, or the relying party's). */
    public static <T> PasskeyStepUp<T> recentPasskey(Duration maxAge, Clock clock) {
        return new PasskeyStepUp<>(maxAge, clock);
    }

    /**
     * The method-security interceptor that enforces {@link RecentPasskey}; the starter declares it as a bean, which
     * {@code @EnableMethodSecurity} applies.
     *
     * @param defaultMaxAge for {@code @RecentPasskey} without minutes
     */
    public static AuthorizationManagerBeforeMethodInterceptor methodInterceptor(Duration defaultMaxAge, Clock clock) {
        return RecentPasskeyAuthorizationManager.interceptor(defaultMaxAge, clock);
    }

    /** How long a passkey confirmation counts. */
    public Duration maxAge() {
        return required.getValidDuration();
    }

    @Override
    public FactorAuthorizationDecision authorize(
            Supplier<? extends @Nullable Authentication> authentication, T object) {
        Authentication current = authentication.get();
        FactorAuthorizationDecision decision = factors.authorize(() -> current, object);
        if (decision.isGranted() && !userVerified(current)) {
            return new FactorAuthorizationDecision(List.of(RequiredFactorError.createExpired(required)));
        }
        return decision;
    }

    /** Whether {@code authentication} passes now: for an app's own checks (a service method, a template). */
    public boolean isGranted(@Nullable Authentication authentication) {
        return authorize(() -> authentication, null).isGranted();
    }

    /**
     * Whether the {@code FACTOR_WEBAUTHN} of {@code authentication} came from a user-verified assertion. A passkey
     * sign-in's token says so; any other token gets that factor only from a step-up, which requires user verification.
     * Several factors of that name (an app's own merging) count only if there is exactly one.
     */
    private static boolean userVerified(Authentication authentication) {
        if (authentication instanceof PasskeyAuthenticationToken token && !token.isUserVerified()) {
            return false;
        }
        List<? extends GrantedAuthority> webauthn = authentication.getAuthorities().stream()
                .filter(a -> FACTOR.equals(a.getAuthority()))
                .toList();
        return webauthn.size() == 1;
    }
}

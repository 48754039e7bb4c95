package io.github.passkeys4j.spring.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Step-up on a method (or every method of a class): the caller must have confirmed a passkey with user verification
 * within the last {@link #minutes()}, as {@link PasskeyStepUp#recentPasskey} checks. Enforced through Spring
 * Security's method security, so the app needs {@code @EnableMethodSecurity}; a refusal is an
 * {@code AuthorizationDeniedException} that the starter's handler turns into the step-up page (page requests) or a 401
 * problem with {@code reason} {@code STEP_UP_REQUIRED} (JSON requests).
 *
 * <pre>{@code
 * @RecentPasskey(minutes = 5)
 * public void closeAccount(…) { … }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RecentPasskey {

    /** How many minutes a passkey confirmation counts; 0 (the default) takes {@code passkeys.step-up.max-age}. */
    long minutes() default 0;
}

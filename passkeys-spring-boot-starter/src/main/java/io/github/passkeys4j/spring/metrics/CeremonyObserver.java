package io.github.passkeys4j.spring.metrics;

import io.github.passkeys4j.PasskeyException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.AuthenticationException;

import java.util.function.Supplier;

/**
 * Watches the server side of each ceremony's finish: how long it took and how it ended. The starter records it with
 * Micrometer when Micrometer is on the classpath (timer {@code passkeys.ceremony}); otherwise it does nothing.
 */
public interface CeremonyObserver {

    String REGISTRATION = "registration";
    String AUTHENTICATION = "authentication";

    CeremonyObserver NONE = new CeremonyObserver() {
        @Override
        public <T> T observe(String ceremony, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work}, the finish of {@code ceremony}, and records its duration and outcome. */
    <T> T observe(String ceremony, Supplier<T> work);

    /** The failed check of a refusal: a {@code PasskeyException.Reason} name, or a word for other failures. */
    static String reasonOf(Throwable failure) {
        if (failure instanceof PasskeyException e) {
            return e.reason().name();
        }
        if (failure instanceof AuthenticationException) {
            // A refused passkey (PasskeyAuthenticationException) carries the core's refusal as its cause.
            if (failure.getCause() instanceof PasskeyException e) {
                return e.reason().name();
            }
            return failure instanceof CredentialsExpiredException ? "PASSWORD_EXPIRED" : "ACCOUNT_UNAVAILABLE";
        }
        return "ERROR";
    }
}

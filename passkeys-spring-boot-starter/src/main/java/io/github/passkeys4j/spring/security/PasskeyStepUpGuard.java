package io.github.passkeys4j.spring.security;

import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Step-up for the starter's own actions that {@code passkeys.step-up.actions} names (none by default): an endpoint
 * calls {@link #require(Action, Authentication)} before it changes anything. An app guards its own URLs with
 * {@link PasskeyStepUp} and its methods with {@link RecentPasskey} instead.
 */
public final class PasskeyStepUpGuard {

    /** The starter's actions that can require a step-up. */
    public enum Action {
        /** {@code DELETE <base>/credentials/{id}}. */
        DELETE_PASSKEY,
        /** {@code POST <base>/recovery-codes}: new recovery codes. */
        REGENERATE_RECOVERY_CODES
    }

    private final Set<Action> guarded;
    private final PasskeyStepUp<Object> stepUp;

    public PasskeyStepUpGuard(Set<Action> guarded, Duration maxAge, Clock clock) {
        this.guarded = guarded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(guarded));
        this.stepUp = PasskeyStepUp.recentPasskey(maxAge, clock);
    }

    /** Whether {@code action} requires a step-up. */
    public boolean guards(Action action) {
        return guarded.contains(action);
    }

    /** Throws {@link PasskeyStepUpRequiredException} when {@code action} is guarded and the user has no recent step-up. */
    public void require(Action action, Authentication authentication) {
        if (guards(action)) {
            FactorAuthorizationDecision decision = stepUp.authorize(() -> authentication, null);
            if (!decision.isGranted()) {
                throw new PasskeyStepUpRequiredException(decision);
            }
        }
    }
}

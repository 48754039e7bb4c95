package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.spring.security.PasskeyStepUpGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Step-up: a recent passkey confirmation with user verification before a dangerous action. The app guards its own
 * URLs with {@code PasskeyStepUp.recentPasskey(…)} and its methods with {@code @RecentPasskey}; these properties set
 * the default age and which of the starter's own actions need it.
 */
@ConfigurationProperties("passkeys.step-up")
public class PasskeysStepUpProperties {

    /** How long a passkey confirmation counts, for {@code @RecentPasskey} without minutes and for the actions below. */
    private Duration maxAge = Duration.ofMinutes(5);

    /**
     * The starter's actions that need a recent passkey confirmation: {@code delete-passkey} and/or
     * {@code regenerate-recovery-codes}. None by default: the app decides; a user without a passkey cannot confirm.
     */
    private Set<PasskeyStepUpGuard.Action> actions = EnumSet.noneOf(PasskeyStepUpGuard.Action.class);

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Set<PasskeyStepUpGuard.Action> getActions() {
        return actions;
    }

    public void setActions(Set<PasskeyStepUpGuard.Action> actions) {
        this.actions = actions;
    }
}

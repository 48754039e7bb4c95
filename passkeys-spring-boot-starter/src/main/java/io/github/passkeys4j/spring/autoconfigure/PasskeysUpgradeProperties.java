package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic passkey upgrade: right after a password sign-in, {@code passkeys.js} asks the browser to create a passkey
 * without a prompt ({@code mediation: "conditional"}); where the browser cannot, it shows a dismissible "Create a
 * passkey" prompt. On by default: the browser decides whether to create one, and only a ceremony started by
 * {@code POST <base>/upgrade/options} may finish without user presence.
 */
@ConfigurationProperties("passkeys.upgrade")
public class PasskeysUpgradeProperties {

    /**
     * Whether {@code GET <base>/upgrade} and {@code POST <base>/upgrade/options} are served (the client offers the
     * upgrade only then). When false, every registration requires user presence and no page offers the upgrade.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

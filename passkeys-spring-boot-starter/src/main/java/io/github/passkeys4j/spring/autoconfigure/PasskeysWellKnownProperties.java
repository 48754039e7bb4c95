package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code /.well-known/passkey-endpoints} (W3C "Passkey Endpoints"): tells password managers where a user creates and
 * manages passkeys. It reveals only those two URLs, so it is on by default.
 */
@ConfigurationProperties("passkeys.well-known")
public class PasskeysWellKnownProperties {

    /** Whether /.well-known/passkey-endpoints is served (to anyone, before the app's authorization rules). */
    private boolean enabled = true;

    /**
     * Where a user creates a passkey: an absolute URL, or a path under the app's context path. Default: the passkeys
     * page, {base-path}/manage.
     */
    private String enrollUrl;

    /**
     * Where a user manages passkeys: an absolute URL, or a path under the app's context path. Default: the passkeys
     * page, {base-path}/manage.
     */
    private String manageUrl;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEnrollUrl() {
        return enrollUrl;
    }

    public void setEnrollUrl(String enrollUrl) {
        this.enrollUrl = enrollUrl;
    }

    public String getManageUrl() {
        return manageUrl;
    }

    public void setManageUrl(String manageUrl) {
        this.manageUrl = manageUrl;
    }
}

package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RecoveryCodePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Recovery for accounts that sign in with passkeys only: one-time recovery codes ({@code POST <base>/recovery}) and
 * the {@code PasskeyRecovery} bean for an app's own recovery. A recovery session may only add a passkey.
 */
@ConfigurationProperties("passkeys.recovery")
public class PasskeysRecoveryProperties {

    /** Whether recovery codes can be made and used (the endpoints under {base-path}/recovery…). Default true. */
    private boolean enabled = true;

    /** Codes per set. Default 10. */
    private int codeCount = RecoveryCodePolicy.DEFAULTS.codeCount();

    /**
     * PBKDF2-HMAC-SHA256 iterations per code (at least 1000). Each try hashes code-count times. Default 10000: with 60
     * random bits per code an offline search of a stolen hash stays out of reach.
     */
    private int iterations = RecoveryCodePolicy.DEFAULTS.iterations();

    /** Wrong tries per account (or unknown username) before recovery is locked. Default 5. */
    private int maxFailures = RecoveryCodePolicy.DEFAULTS.maxFailures();

    /** How long recovery stays locked after the last counted wrong try. Default 15 minutes. */
    private Duration lockout = RecoveryCodePolicy.DEFAULTS.lockout();

    RecoveryCodePolicy policy() {
        return new RecoveryCodePolicy(codeCount, iterations, maxFailures, lockout);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getCodeCount() {
        return codeCount;
    }

    public void setCodeCount(int codeCount) {
        this.codeCount = codeCount;
    }

    public int getIterations() {
        return iterations;
    }

    public void setIterations(int iterations) {
        this.iterations = iterations;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public Duration getLockout() {
        return lockout;
    }

    public void setLockout(Duration lockout) {
        this.lockout = lockout;
    }
}

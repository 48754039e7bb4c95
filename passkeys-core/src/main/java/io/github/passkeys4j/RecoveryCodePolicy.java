package io.github.passkeys4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How many recovery codes a set has, how slowly they are hashed, and how wrong tries lock recovery.
 *
 * @param codeCount   codes per set; default 10 (1 to 50)
 * @param iterations  PBKDF2 iterations per code; default 10,000 (at least 1,000). Each try hashes {@code codeCount}
 *                    times, so this is per try × codeCount: 10,000 keeps a try near 25 ms on one core, and with 60
 *                    random bits per code an offline search stays out of reach
 * @param maxFailures wrong tries allowed per account before recovery is locked; default 5
 * @param lockout     how long a lock lasts after the last counted wrong try (and how long wrong tries are
 *                    remembered); default 15 minutes
 */
public record RecoveryCodePolicy(int codeCount, int iterations, int maxFailures, Duration lockout) {

    /** 10 codes, 10,000 iterations, 5 wrong tries, then 15 minutes locked. */
    public static final RecoveryCodePolicy DEFAULTS = new RecoveryCodePolicy(10, 10_000, 5, Duration.ofMinutes(15));

    public RecoveryCodePolicy {
        if (codeCount < 1 || codeCount > 50) {
            throw new IllegalArgumentException("codeCount must be 1 to 50, not " + codeCount);
        }
        if (iterations < 1_000) {
            throw new IllegalArgumentException("iterations must be at least 1000, not " + iterations);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, not " + maxFailures);
        }
        Objects.requireNonNull(lockout, "lockout");
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive, not " + lockout);
        }
    }

    public RecoveryCodePolicy withCodeCount(int codeCount) {
        return new RecoveryCodePolicy(codeCount, iterations, maxFailures, lockout);
    }

    public RecoveryCodePolicy withIterations(int iterations) {
        return new RecoveryCodePolicy(codeCount, iterations, maxFailures, lockout);
    }

    public RecoveryCodePolicy withMaxFailures(int maxFailures) {
        return new RecoveryCodePolicy(codeCount, iterations, maxFailures, lockout);
    }

    public RecoveryCodePolicy withLockout(Duration lockout) {
        return new RecoveryCodePolicy(codeCount, iterations, maxFailures, lockout);
    }
}

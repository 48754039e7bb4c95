package io.github.passkeys4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The wrong recovery tries counted under one key.
 *
 * @param failures how many, since the count last started afresh
 * @param until    when the count expires (the last wrong try plus the lockout window)
 */
public record RecoveryAttempts(int failures, Instant until) {

    public RecoveryAttempts {
        Objects.requireNonNull(until, "until");
    }

    /** Whether the count still holds at {@code now}. */
    public boolean activeAt(Instant now) {
        return !until.isBefore(now);
    }
}

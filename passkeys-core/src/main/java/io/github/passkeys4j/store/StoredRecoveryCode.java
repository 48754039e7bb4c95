package io.github.passkeys4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One recovery code as stored: never the code itself, only its slow hash.
 *
 * @param codeId    random, unique within the account; names the code for {@link RecoveryCodeStore#markUsed}
 * @param hash      the code's hash with its parameters, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64url),
 *                  at most 255 characters
 * @param createdAt when the set it belongs to was made
 */
public record StoredRecoveryCode(String codeId, String hash, Instant createdAt) {

    public StoredRecoveryCode {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

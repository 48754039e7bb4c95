package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

/**
 * An assertion verified by {@link RecordedCeremonies} with the credential the caller gave.
 *
 * @param credentialId the credential that signed (base64url)
 * @param userHandle   the response's user handle (base64url), {@code null} when it sent none
 * @param signCount    the signature counter it reported
 * @param userVerified the UV flag
 * @param backupState  the BS flag
 */
public record VerifiedAssertion(
        String credentialId, @Nullable String userHandle, long signCount, boolean userVerified, boolean backupState) {}

package io.github.passkeys4j.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.webauthn4j.converter.jackson.deserializer.cbor.COSEKeyEnvelope;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;

/**
 * Stored passkeys' public keys, decoded from their COSE bytes once rather than on every sign-in (issue 13: the CBOR
 * decoding was a third of a sign-in's work outside the signature itself). Keyed by the stored bytes themselves, so a
 * changed or different key is never served from here; public keys are no secret, and the cache is bounded.
 */
final class StoredKeys {

    /** Enough for the passkeys that sign in within a busy while; a key decoded again costs about 40 µs. */
    static final long MAXIMUM_SIZE = 10_000;

    private final ObjectConverter converter;
    private final Cache<String, COSEKey> keys;

    StoredKeys(ObjectConverter converter) {
        this(converter, MAXIMUM_SIZE);
    }

    StoredKeys(ObjectConverter converter, long maximumSize) {
        this.converter = converter;
        this.keys = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** How many keys are kept, after any pending eviction. */
    long size() {
        keys.cleanUp();
        return keys.estimatedSize();
    }

    /**
     * The key stored as {@code publicKey} (base64url of its COSE bytes).
     *
     * @throws tools.jackson.core.JacksonException or {@link IllegalArgumentException} when the bytes are no COSE key
     */
    COSEKey coseKey(String publicKey) {
        COSEKey key = keys.getIfPresent(publicKey);
        if (key == null) {
            // Not computeIfAbsent: a malformed key throws, and is not worth a lock on the cache's map.
            key = converter
                    .getCborMapper()
                    .readValue(Base64Url.decode(publicKey), COSEKeyEnvelope.class)
                    .getCOSEKey();
            if (key != null) {
                keys.put(publicKey, key);
            }
        }
        return key;
    }
}

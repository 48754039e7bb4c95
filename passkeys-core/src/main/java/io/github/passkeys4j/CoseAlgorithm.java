package io.github.passkeys4j;

import java.util.List;
import java.util.Locale;

/**
 * The public-key algorithms a relying party may accept for new passkeys, by their COSE identifiers (IANA "COSE
 * Algorithms"). {@link #DEFAULTS} is what is accepted and advertised in {@code pubKeyCredParams} unless the app says
 * otherwise, in order of preference (an authenticator picks the first it supports).
 */
public enum CoseAlgorithm {
    /** ECDSA on P-256 with SHA-256: every passkey provider supports it. */
    ES256(-7),
    /** EdDSA on Ed25519 (security keys such as the YubiKey 5). */
    EDDSA(-8),
    /** ECDSA on P-384 with SHA-384. */
    ES384(-35),
    /** ECDSA on P-521 with SHA-512. */
    ES512(-36),
    /** RSASSA-PSS with SHA-256. */
    PS256(-37),
    /** RSASSA-PSS with SHA-384. */
    PS384(-38),
    /** RSASSA-PKCS1-v1_5 with SHA-256 (Windows Hello). */
    RS256(-257),
    /**
     * RSASSA-PKCS1-v1_5 with SHA-1, found on older Windows Hello TPMs. SHA-1 is broken for collisions: never in the
     * defaults, accepted only when an app lists it.
     */
    RS1(-65535);

    /**
     * ES256, EdDSA, ES384, ES512, PS256, PS384, RS256. WebAuthn Level 3 §5.4 ({@code pubKeyCredParams}) asks relying
     * parties that want to work with a wide range of authenticators to include at least EdDSA, ES256 and RS256, and
     * Chromium's advice to sites warns that leaving out ES256 or RS256 breaks most platform authenticators and Windows
     * Hello. ES256 comes first because every provider makes it and it is the cheapest to verify; RSA comes last
     * because its keys and signatures are largest.
     */
    public static final List<CoseAlgorithm> DEFAULTS = List.of(ES256, EDDSA, ES384, ES512, PS256, PS384, RS256);

    private final long id;

    CoseAlgorithm(long id) {
        this.id = id;
    }

    /** The COSE algorithm identifier, as in {@code pubKeyCredParams[].alg}. */
    public long id() {
        return id;
    }

    /** The algorithm with this name, any case ({@code "es256"}, {@code "EdDSA"}); for configuration files. */
    public static CoseAlgorithm named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown algorithm '" + name + "'; known: " + List.of(values()), e);
        }
    }
}

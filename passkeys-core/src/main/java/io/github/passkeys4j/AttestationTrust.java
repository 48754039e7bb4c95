package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which authenticators may register, judged by their attestation. {@link #any()} (the default) accepts every statement
 * that verifies, whatever its chain, and no statement at all. {@link #roots} requires a statement whose certificate
 * chain ends in one of the given roots, checked at the relying party's clock: no statement, self attestation, an
 * unknown or expired chain are refused ({@code ATTESTATION_NOT_TRUSTED}). {@link #allowingOnly} adds an AAGUID
 * allow-list ("only these security keys"); it means something only with roots, as an AAGUID without a trusted
 * statement is the authenticator's own claim. {@link #metadata} trusts the roots the FIDO Metadata Service BLOB lists
 * for the authenticator's AAGUID (or U2F key identifier), and refuses an authenticator whose status reports carry a
 * security notice ({@code AUTHENTICATOR_REVOKED}); {@link #withMetadata} adds a BLOB to given roots. Immutable.
 */
public final class AttestationTrust {

    private static final AttestationTrust ANY = new AttestationTrust(Set.of(), Set.of(), null);

    private final Set<X509Certificate> roots;
    private final Set<UUID> allowedAaguids;
    private final @Nullable FidoMetadata metadata;

    private AttestationTrust(Set<X509Certificate> roots, Set<UUID> allowedAaguids, @Nullable FidoMetadata metadata) {
        this.roots = roots;
        this.allowedAaguids = allowedAaguids;
        this.metadata = metadata;
    }

    /** Any statement that verifies, and none at all: the default. */
    public static AttestationTrust any() {
        return ANY;
    }

    /**
     * Only statements whose chain ends in one of these roots (an authenticator vendor's attestation roots, or your
     * enterprise's). Revocation is not checked here.
     */
    public static AttestationTrust roots(Collection<X509Certificate> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("give at least one root; AttestationTrust.any() trusts any chain");
        }
        return new AttestationTrust(Set.copyOf(roots), Set.of(), null);
    }

    /**
     * Only statements whose chain ends in a root the FIDO Metadata Service BLOB lists for the authenticator, which must
     * have no security notice (REVOKED, USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE,
     * USER_KEY_REMOTE_COMPROMISE, USER_KEY_PHYSICAL_COMPROMISE) in its status reports, while the BLOB is current.
     */
    public static AttestationTrust metadata(FidoMetadata metadata) {
        return new AttestationTrust(Set.of(), Set.of(), Objects.requireNonNull(metadata, "metadata"));
    }

    /** These roots and the BLOB's: a chain may end in either; the BLOB's status reports apply to every statement. */
    public AttestationTrust withMetadata(FidoMetadata metadata) {
        return new AttestationTrust(roots, allowedAaguids, Objects.requireNonNull(metadata, "metadata"));
    }

    /** The same, accepting only authenticators with one of these AAGUIDs; an empty set lifts the restriction. */
    public AttestationTrust allowingOnly(Set<UUID> aaguids) {
        return new AttestationTrust(roots, Set.copyOf(aaguids), metadata);
    }

    /** The FIDO Metadata Service BLOB trusted, if any. */
    public Optional<FidoMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** The trusted roots; empty for {@link #any()}. */
    public Set<X509Certificate> roots() {
        return roots;
    }

    /** The AAGUIDs allowed; empty when any is. */
    public Set<UUID> allowedAaguids() {
        return allowedAaguids;
    }

    /** Whether a statement must chain to a trusted root. */
    public boolean requiresTrustedChain() {
        return !roots.isEmpty() || metadata != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttestationTrust t
                && roots.equals(t.roots)
                && allowedAaguids.equals(t.allowedAaguids)
                && metadata == t.metadata;
    }

    @Override
    public int hashCode() {
        return Objects.hash(roots, allowedAaguids, System.identityHashCode(metadata));
    }

    @Override
    public String toString() {
        return "AttestationTrust[roots=" + roots.size() + ", allowedAaguids=" + allowedAaguids
                + (metadata == null ? "" : ", metadata=" + metadata) + "]";
    }
}

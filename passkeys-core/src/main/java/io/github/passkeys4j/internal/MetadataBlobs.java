package io.github.passkeys4j.internal;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.metadata.FidoMDS3MetadataBLOBProvider;
import com.webauthn4j.metadata.HttpClient;
import com.webauthn4j.metadata.data.MetadataBLOBPayload;
import com.webauthn4j.metadata.data.MetadataBLOBPayloadEntry;
import com.webauthn4j.metadata.data.statement.MetadataStatement;
import com.webauthn4j.metadata.data.toc.AuthenticatorStatus;
import com.webauthn4j.metadata.data.toc.StatusReport;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A FIDO Metadata Service (MDS3) BLOB read and checked by webauthn4j's metadata module: its JWS signature, and its
 * signer's chain to the given MDS root (PKIX at the current time; revocation not checked, as its lists are on the
 * network). Turned into our own values so that no webauthn4j type leaves this package.
 */
public final class MetadataBlobs {

    /**
     * The MDS3 security notifications (FIDO Metadata Service v3, AuthenticatorStatus): an authenticator with one of
     * these in any of its status reports may not register. A later report (e.g. UPDATE_AVAILABLE) does not lift one,
     * as a device in the field may not have the update; webauthn4j's own entry check does the same.
     */
    static final Set<AuthenticatorStatus> REFUSED = EnumSet.of(
            AuthenticatorStatus.REVOKED,
            AuthenticatorStatus.USER_VERIFICATION_BYPASS,
            AuthenticatorStatus.ATTESTATION_KEY_COMPROMISE,
            AuthenticatorStatus.USER_KEY_REMOTE_COMPROMISE,
            AuthenticatorStatus.USER_KEY_PHYSICAL_COMPROMISE);

    private MetadataBlobs() {}

    /**
     * Parses and verifies a BLOB (the JWT text of the MDS download).
     *
     * @throws IllegalArgumentException when it is no BLOB, its signature does not verify, or its signer does not chain
     *     to {@code root}; the message says which
     */
    public static Blob verify(String jwt, X509Certificate root) {
        HttpClient file =
                url -> new HttpClient.Response(200, new ByteArrayInputStream(jwt.getBytes(StandardCharsets.UTF_8)));
        FidoMDS3MetadataBLOBProvider provider = new FidoMDS3MetadataBLOBProvider(
                new ObjectConverter(), "file", file, Set.of(new TrustAnchor(root, null)));
        provider.setRevocationCheckEnabled(false);
        MetadataBLOBPayload payload;
        try {
            payload = provider.provide().getPayload();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        if (payload == null || payload.getNextUpdate() == null || payload.getEntries() == null) {
            throw new IllegalArgumentException("it has no nextUpdate or no entries");
        }
        return new Blob(
                payload.getNextUpdate(),
                payload.getNo() == null ? 0 : payload.getNo(),
                payload.getEntries().stream().map(MetadataBlobs::entry).toList());
    }

    private static String describe(RuntimeException e) {
        StringBuilder message =
                new StringBuilder(Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }

    private static Entry entry(MetadataBLOBPayloadEntry e) {
        MetadataStatement statement = e.getMetadataStatement();
        List<StatusReport> reports = e.getStatusReports() == null ? List.of() : e.getStatusReports();
        return new Entry(
                e.getAaguid() == null ? null : e.getAaguid().getValue(),
                e.getAttestationCertificateKeyIdentifiers() == null
                        ? Set.of()
                        : Set.copyOf(e.getAttestationCertificateKeyIdentifiers().stream()
                                .map(id -> id.toLowerCase(Locale.ROOT))
                                .toList()),
                statement == null ? null : statement.getDescription(),
                statement == null || statement.getAttestationRootCertificates() == null
                        ? Set.of()
                        : Set.copyOf(statement.getAttestationRootCertificates()),
                reports.stream()
                        .map(StatusReport::getStatus)
                        .filter(REFUSED::contains)
                        .map(AuthenticatorStatus::getValue)
                        .distinct()
                        .toList());
    }

    /** A verified BLOB: its {@code nextUpdate}, its serial number and its entries. */
    public record Blob(LocalDate nextUpdate, int number, List<Entry> entries) {}

    /**
     * One authenticator model of a BLOB.
     *
     * @param aaguid          its AAGUID; {@code null} for U2F and UAF entries
     * @param keyIdentifiers  its attestationCertificateKeyIdentifiers, lower-case hex
     * @param description     its metadata statement's description
     * @param roots           its attestation root certificates
     * @param refusedStatuses the statuses of {@link #REFUSED} its reports carry; empty when none
     */
    public record Entry(
            @Nullable UUID aaguid,
            Set<String> keyIdentifiers,
            @Nullable String description,
            Set<X509Certificate> roots,
            List<String> refusedStatuses) {}
}

package io.github.passkeys4j.testing;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A small FIDO Metadata Service (MDS3) BLOB, signed for real (ES256 JWS with an {@code x5c} chain) by a key the test
 * gives: what the FIDO Alliance publishes, made in the test so nothing that expires is checked in. Each entry has an
 * AAGUID, a metadata statement (description, attestation roots) and status reports.
 *
 * <pre>{@code
 * String jwt = TestMetadataBlob.builder(LocalDate.now().plusDays(30))
 *         .entry(aaguid, "Test Security Key", List.of(attestationRoot), "FIDO_CERTIFIED")
 *         .sign(signerKey, List.of(signerCertificate, mdsRoot));
 * }</pre>
 */
public final class TestMetadataBlob {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalDate nextUpdate;
    private final List<ObjectNode> entries = new ArrayList<>();
    private int number = 1;

    private TestMetadataBlob(LocalDate nextUpdate) {
        this.nextUpdate = nextUpdate;
    }

    /** A BLOB whose {@code nextUpdate} is the given date. */
    public static TestMetadataBlob builder(LocalDate nextUpdate) {
        return new TestMetadataBlob(nextUpdate);
    }

    /** Its serial number {@code no}; default 1. */
    public TestMetadataBlob number(int number) {
        this.number = number;
        return this;
    }

    /**
     * A FIDO2 authenticator's entry.
     *
     * @param statuses its status reports, oldest first (e.g. "FIDO_CERTIFIED", then "REVOKED")
     */
    public TestMetadataBlob entry(UUID aaguid, String description, List<X509Certificate> roots, String... statuses) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("aaguid", aaguid.toString());
        entry.set("metadataStatement", statement(description, roots).put("aaguid", aaguid.toString()));
        reports(entry, statuses);
        entries.add(entry);
        return this;
    }

    /** A U2F authenticator's entry, found by its attestation certificate key identifier (hex SHA-1). */
    public TestMetadataBlob u2fEntry(
            String keyIdentifier, String description, List<X509Certificate> roots, String... statuses) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putArray("attestationCertificateKeyIdentifiers").add(keyIdentifier);
        ObjectNode statement = statement(description, roots).put("protocolFamily", "u2f");
        statement.putArray("attestationCertificateKeyIdentifiers").add(keyIdentifier);
        entry.set("metadataStatement", statement);
        reports(entry, statuses);
        entries.add(entry);
        return this;
    }

    private static ObjectNode statement(String description, List<X509Certificate> roots) {
        ObjectNode statement = JSON.createObjectNode()
                .put("legalHeader", "Test metadata, not from the FIDO Alliance.")
                .put("description", description)
                .put("authenticatorVersion", 1)
                .put("protocolFamily", "fido2")
                .put("schema", 3);
        statement.putArray("upv").addObject().put("major", 1).put("minor", 0);
        statement.putArray("attestationTypes").add("basic_full");
        ArrayNode certificates = statement.putArray("attestationRootCertificates");
        roots.forEach(root -> certificates.add(Base64.getEncoder().encodeToString(der(root))));
        return statement;
    }

    private void reports(ObjectNode entry, String... statuses) {
        ArrayNode reports = entry.putArray("statusReports");
        for (String status : statuses) {
            reports.addObject()
                    .put("status", status)
                    .put("effectiveDate", nextUpdate.minusDays(30).toString());
        }
        entry.put("timeOfLastStatusChange", nextUpdate.minusDays(30).toString());
    }

    /**
     * The BLOB as the MDS serves it: {@code header.payload.signature}, signed with ES256.
     *
     * @param signer the P-256 key of the first certificate of {@code x5c}
     * @param x5c    the signer's certificate, then its issuers (the MDS root may be left out)
     */
    public String sign(PrivateKey signer, List<X509Certificate> x5c) {
        ObjectNode header = JSON.createObjectNode().put("alg", "ES256").put("typ", "JWT");
        ArrayNode chain = header.putArray("x5c");
        x5c.forEach(certificate -> chain.add(Base64.getEncoder().encodeToString(der(certificate))));
        ObjectNode payload = JSON.createObjectNode()
                .put("legalHeader", "Test metadata, not from the FIDO Alliance.")
                .put("no", number)
                .put("nextUpdate", nextUpdate.toString());
        ArrayNode list = payload.putArray("entries");
        entries.forEach(list::add);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + url.encodeToString(JSON.writeValueAsBytes(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signer);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the test BLOB", e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.passkeys4j.testing;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test certificate authority with real P-256 keys: an authenticator vendor's root that issues packed attestation
 * certificates (WebAuthn Level 3 §8.2.1), or the FIDO Metadata Service's root that issues the BLOB signer's. Made in
 * the test, so nothing secret or expiring is checked in.
 *
 * <p>Needs {@code org.bouncycastle:bcpkix-jdk18on} on the test class path (the JDK has no API to issue a certificate);
 * the test kit declares it optional, so only the tests that use this class pay for it.
 *
 * <pre>{@code
 * TestCertificateAuthority vendor = new TestCertificateAuthority("Acme Root");
 * TestCertificateAuthority.Issued key = vendor.issue("Acme Key");
 * Attestation.packed(key.key().getPrivate(), -7, List.of(key.certificate()));
 * }</pre>
 */
public final class TestCertificateAuthority {

    private static final ASN1ObjectIdentifier ID_FIDO_GEN_CE_AAGUID =
            new ASN1ObjectIdentifier("1.3.6.1.4.1.45724.1.1.4");
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final KeyPair rootKey = ecKey();
    private final X500Name name;
    private final Instant notBefore;
    private final Instant notAfter;

    /** The self-signed root certificate. */
    public final X509Certificate root;

    /** A root and the certificates it issues valid from a day ago for a year: for tests on the real clock. */
    public TestCertificateAuthority(String rootCommonName) {
        this(
                rootCommonName,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    /** A root and the certificates it issues valid from {@code notBefore} to {@code notAfter}: for test clocks. */
    public TestCertificateAuthority(String rootCommonName, Instant notBefore, Instant notAfter) {
        this.name = new X500Name("CN=" + rootCommonName + ", O=Passkeys for Java Tests, C=DE");
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.root = issue(name, rootKey, true, null);
    }

    /** A leaf key and its certificate (an attestation certificate, or the BLOB signer's). */
    public Issued issue(String commonName) {
        return issue(commonName, null, false);
    }

    /**
     * A key and its certificate, with {@code aaguid} in id-fido-gen-ce-aaguid unless null, and basic constraints
     * {@code cA} as {@code ca} says (true: what §8.2.1 forbids in an attestation certificate).
     */
    public Issued issue(String commonName, UUID aaguid, boolean ca) {
        KeyPair key = ecKey();
        X500Name subject =
                new X500Name("CN=" + commonName + ", OU=Authenticator Attestation, O=Passkeys for Java Tests, C=DE");
        return new Issued(key, issue(subject, key, ca, aaguid));
    }

    /** A key and the certificate this authority issued for it. */
    public record Issued(KeyPair key, X509Certificate certificate) {}

    /** The root as a new PEM file in {@code dir}. */
    public Path rootPem(Path dir) throws IOException {
        Path pem = Files.createTempFile(dir, "root", ".pem");
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded(root))
                        + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    private X509Certificate issue(X500Name subject, KeyPair subjectKey, boolean ca, UUID aaguid) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (aaguid != null) {
                byte[] bytes = ByteBuffer.allocate(16)
                        .putLong(aaguid.getMostSignificantBits())
                        .putLong(aaguid.getLeastSignificantBits())
                        .array();
                builder.addExtension(ID_FIDO_GEN_CE_AAGUID, false, new DEROctetString(bytes));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

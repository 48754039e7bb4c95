package io.github.passkeys4j.spring.testapp;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
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
import java.util.concurrent.atomic.AtomicLong;

/** A test certificate authority with real P-256 keys: an authenticator vendor's root, or the MDS's. */
public final class TestCa {

    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final KeyPair rootKey = ecKey();
    private final X500Name name;
    public final X509Certificate root;

    public TestCa(String commonName) {
        name = new X500Name("CN=" + commonName + ", O=Passkeys for Java Tests, C=DE");
        root = issue(name, rootKey, true);
    }

    /** A leaf key and its certificate (an attestation certificate, or the BLOB signer's). */
    public Issued issue(String commonName) {
        KeyPair key = ecKey();
        return new Issued(
                key,
                issue(
                        new X500Name("CN=" + commonName + ", OU=Authenticator Attestation, O=Passkeys for Java Tests,"
                                + " C=DE"),
                        key,
                        false));
    }

    public record Issued(KeyPair key, X509Certificate certificate) {}

    /** The root as a PEM file. */
    public Path rootPem(Path dir) throws IOException {
        Path pem = Files.createTempFile(dir, "root", ".pem");
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded(root))
                        + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    private X509Certificate issue(X500Name subject, KeyPair subjectKey, boolean ca) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    subject,
                    subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
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

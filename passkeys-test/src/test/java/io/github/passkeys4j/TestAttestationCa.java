package io.github.passkeys4j;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test certificate authority that issues packed attestation certificates (WebAuthn Level 3 §8.2.1) with real keys:
 * what an authenticator vendor does, made in the test so nothing secret or expiring is checked in.
 */
final class TestAttestationCa {

    static final ASN1ObjectIdentifier ID_FIDO_GEN_CE_AAGUID = new ASN1ObjectIdentifier("1.3.6.1.4.1.45724.1.1.4");
    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");

    private static final AtomicLong SERIAL = new AtomicLong(1);

    final KeyPair rootKey = ecKey();
    final X509Certificate root;

    TestAttestationCa() {
        X500Name name = new X500Name("CN=Passkeys Test Attestation Root, O=Passkeys for Java Tests, C=DE");
        root = issue(name, rootKey, name, rootKey, true, null);
    }

    /** A P-256 attestation key and its certificate; {@code aaguid} goes into id-fido-gen-ce-aaguid unless null. */
    Issued attestationCertificate(UUID aaguid, boolean ca) {
        KeyPair key = ecKey();
        X500Name subject =
                new X500Name("CN=Test Authenticator, OU=Authenticator Attestation, O=Passkeys for Java Tests, C=DE");
        X500Name issuer = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        return new Issued(key, issue(subject, key, issuer, rootKey, ca, aaguid));
    }

    record Issued(KeyPair key, X509Certificate certificate) {}

    private static X509Certificate issue(
            X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey, boolean ca, UUID aaguid) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(NOT_BEFORE),
                    Date.from(NOT_AFTER),
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
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
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

package io.github.passkeys4j.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A passkey provider in software, for tests: it makes real credentials (EC P-256 and ES256 unless
 * {@link #withAlgorithms} says otherwise) and real signatures, optionally a real attestation statement
 * ({@link #withAttestation}), and answers
 * with the W3C JSON a browser's {@code PublicKeyCredential.toJSON()} gives, ready for
 * {@code RelyingParty.finishRegistration}/{@code finishAuthentication} or a ceremony endpoint. It keeps the credentials
 * it made (ID, key pair, RP ID, user handle, counter), so a later call can sign in with them. By default it behaves
 * like a synced platform passkey (Google Password Manager's AAGUID, flags UP, UV, BE and BS set, attachment
 * {@code platform}, transports {@code hybrid} and {@code internal}); pass a {@link Tamper} to produce a bad response.
 * Thread-safe.
 *
 * <pre>{@code
 * SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
 * String created = authenticator.register(rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN);
 * rp.finishRegistration(FinishRegistration.of("alice", created));
 * String assertion = authenticator.authenticate(rp.startAuthentication(StartAuthentication.discoverable()), ORIGIN);
 * }</pre>
 */
public final class SoftwareAuthenticator {

    /** Google Password Manager's AAGUID, which is in the bundled passkey-provider list; the default. */
    public static final UUID GOOGLE_PASSWORD_MANAGER = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");

    /** The transports reported at registration unless a {@link Tamper} says otherwise. */
    public static final List<String> DEFAULT_TRANSPORTS = List.of("hybrid", "internal");

    private static final long ES256 = -7;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final AuthenticatorDataConverter AUTHENTICATOR_DATA = new AuthenticatorDataConverter(CONVERTER);
    private static final AttestationObjectConverter ATTESTATION_OBJECT = new AttestationObjectConverter(CONVERTER);

    private final UUID aaguid;
    private final long initialSignCount;
    private final long signCountIncrement;
    private final List<Long> algorithms;
    private final Attestation attestation;
    private final List<Held> credentials = new ArrayList<>();

    /** An authenticator with Google Password Manager's AAGUID whose counters start at 0 and go up by 1 per use. */
    public SoftwareAuthenticator() {
        this(GOOGLE_PASSWORD_MANAGER, 0, 1);
    }

    /**
     * @param aaguid             the AAGUID put in new credentials ({@code new UUID(0, 0)} for "not saying")
     * @param initialSignCount   the counter of a new credential, reported at registration
     * @param signCountIncrement added to a credential's counter per assertion; 0 for an authenticator that does not
     *                           count (like most synced passkeys, which report 0 throughout when both values are 0)
     */
    public SoftwareAuthenticator(UUID aaguid, long initialSignCount, long signCountIncrement) {
        this(aaguid, initialSignCount, signCountIncrement, List.of(ES256), Attestation.none());
    }

    private SoftwareAuthenticator(
            UUID aaguid,
            long initialSignCount,
            long signCountIncrement,
            List<Long> algorithms,
            Attestation attestation) {
        this.algorithms = List.copyOf(algorithms);
        this.attestation = Objects.requireNonNull(attestation, "attestation");
        this.aaguid = Objects.requireNonNull(aaguid, "aaguid");
        if (initialSignCount < 0 || signCountIncrement < 0) {
            throw new IllegalArgumentException("sign counts cannot be negative");
        }
        this.initialSignCount = initialSignCount;
        this.signCountIncrement = signCountIncrement;
    }

    /**
     * A new authenticator like this one (holding no credentials) that makes keys for these COSE algorithms: of those the
     * options offer, it takes the first it supports, as real authenticators do. Default: ES256 (-7) only. Supported:
     * ES256, EdDSA (-8, Ed25519), ES384 (-35), ES512 (-36), PS256 (-37), PS384 (-38), RS256 (-257), RS1 (-65535),
     * all with JDK keys and signatures.
     */
    public SoftwareAuthenticator withAlgorithms(long... coseAlgorithms) {
        List<Long> chosen = Arrays.stream(coseAlgorithms).boxed().toList();
        if (chosen.isEmpty() || !CredentialKeys.SUPPORTED.containsAll(chosen)) {
            throw new IllegalArgumentException(
                    "supported COSE algorithms: " + CredentialKeys.SUPPORTED + "; asked for " + chosen);
        }
        return new SoftwareAuthenticator(aaguid, initialSignCount, signCountIncrement, chosen, attestation);
    }

    /** A new authenticator like this one (holding no credentials) that makes this attestation statement. */
    public SoftwareAuthenticator withAttestation(Attestation attestation) {
        return new SoftwareAuthenticator(aaguid, initialSignCount, signCountIncrement, algorithms, attestation);
    }

    /** Reads creation options from the JSON a server sent (unknown members are ignored). */
    public static PublicKeyCredentialCreationOptions creationOptions(String json) {
        return ResponseJson.read(json, PublicKeyCredentialCreationOptions.class);
    }

    /** Reads request options from the JSON a server sent (unknown members are ignored). */
    public static PublicKeyCredentialRequestOptions requestOptions(String json) {
        return ResponseJson.read(json, PublicKeyCredentialRequestOptions.class);
    }

    /** {@code navigator.credentials.create()} from a page at {@code origin}: an honest registration response. */
    public String register(PublicKeyCredentialCreationOptions options, String origin) {
        return register(options, origin, new Tamper());
    }

    /**
     * {@code navigator.credentials.create()} from a page at {@code origin}, changed as {@code tamper} says. The new
     * credential is kept (whether or not the server will accept it). Like a real authenticator, it refuses with an
     * {@link IllegalStateException} when it already holds a credential listed in {@code excludeCredentials} (use another
     * instance to play a second device), and with an {@link IllegalArgumentException} when the options offer none of its
     * algorithms (see {@link #withAlgorithms}; default ES256 only).
     *
     * @return the {@code RegistrationResponseJSON} text
     */
    public synchronized String register(PublicKeyCredentialCreationOptions options, String origin, Tamper tamper) {
        String rpId =
                options.rp() != null && options.rp().id() != null ? options.rp().id() : ResponseJson.host(origin);
        long algorithm = options.pubKeyCredParams().isEmpty()
                ? algorithms.get(0)
                : options.pubKeyCredParams().stream()
                        .map(CredentialParameters::alg)
                        .filter(algorithms::contains)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "NotSupportedError: this software authenticator makes keys for COSE algorithms "
                                        + algorithms + " only"));
        Set<String> excluded = options.excludeCredentials().stream()
                .map(CredentialDescriptor::id)
                .collect(Collectors.toSet());
        if (credentials.stream().anyMatch(c -> c.rpId.equals(rpId) && excluded.contains(ResponseJson.b64(c.id)))) {
            throw new IllegalStateException(
                    "InvalidStateError: this authenticator already holds an excluded credential");
        }
        KeyPair keyPair = CredentialKeys.generate(algorithm);
        byte[] credentialId = tamper.credentialId != null ? ResponseJson.unb64(tamper.credentialId) : randomBytes(16);
        byte[] userHandle = ResponseJson.unb64(
                Objects.requireNonNull(options.user(), "options.user").id());
        Held held = new Held(
                credentialId,
                keyPair,
                rpId,
                userHandle,
                tamper.signCount != null ? tamper.signCount : initialSignCount,
                algorithm);
        credentials.add(held);

        AttestedCredentialData attested = new AttestedCredentialData(
                new AAGUID(tamper.aaguid != null ? tamper.aaguid : aaguid),
                credentialId,
                tamper.publicKey != null ? coseKey(tamper.publicKey) : CredentialKeys.coseKey(keyPair, algorithm));
        byte flags = (byte) (flags(tamper) | AuthenticatorData.BIT_AT);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData = new AuthenticatorData<>(
                ResponseJson.sha256(tamper.rpId != null ? tamper.rpId : rpId), flags, held.signCount, attested);
        byte[] authDataBytes = AUTHENTICATOR_DATA.convert(authData);
        byte[] clientData = ResponseJson.clientData("webauthn.create", options.challenge(), origin, tamper);
        byte[] attestationObject = ATTESTATION_OBJECT.convertToBytes(new AttestationObject(
                authData,
                attestation.statement(
                        authDataBytes,
                        ResponseJson.sha256(clientData),
                        keyPair.getPrivate(),
                        algorithm,
                        tamper.corruptSignature)));
        boolean credProps = Boolean.TRUE.equals(options.extensions().get("credProps"));
        return ResponseJson.registration(
                credentialId,
                clientData,
                authDataBytes,
                keyPair.getPublic().getEncoded(),
                tamper.publicKey != null ? tamper.publicKey.algorithm() : algorithm,
                attestationObject,
                tamper.transports != null ? tamper.transports : DEFAULT_TRANSPORTS,
                credProps,
                tamper);
    }

    /** {@code navigator.credentials.get()} from a page at {@code origin}: an honest authentication response. */
    public String authenticate(PublicKeyCredentialRequestOptions options, String origin) {
        return authenticate(options, origin, new Tamper());
    }

    /**
     * {@code navigator.credentials.get()} from a page at {@code origin}, changed as {@code tamper} says. It signs with
     * the most recently made credential for the options' RP ID (or the origin's host when the options name none) that
     * {@code allowCredentials} lists (any, when the list is empty), or with {@link Tamper#useCredential}'s. The
     * credential's counter advances whether or not the server will accept the response.
     *
     * @return the {@code AuthenticationResponseJSON} text
     * @throws IllegalStateException when no held credential fits ("NotAllowedError" in a browser)
     */
    public synchronized String authenticate(PublicKeyCredentialRequestOptions options, String origin, Tamper tamper) {
        String rpId = options.rpId() != null ? options.rpId() : ResponseJson.host(origin);
        Held held = choose(rpId, options.allowCredentials(), tamper.useCredential);
        held.signCount = tamper.signCount != null ? tamper.signCount : held.signCount + signCountIncrement;

        AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> authData = new AuthenticatorData<>(
                ResponseJson.sha256(tamper.rpId != null ? tamper.rpId : rpId), flags(tamper), held.signCount);
        byte[] authDataBytes = tamper.authenticatorDataRewrite.apply(AUTHENTICATOR_DATA.convert(authData));
        byte[] clientData = tamper.clientDataRewrite.apply(
                ResponseJson.clientData("webauthn.get", options.challenge(), origin, tamper));
        byte[] signed = ResponseJson.concat(authDataBytes, ResponseJson.sha256(clientData));
        if (tamper.corruptSignature) {
            signed[signed.length - 1] ^= 0x01;
        }
        byte[] signature = CredentialKeys.sign(held.keyPair.getPrivate(), held.algorithm, signed);
        String userHandle = tamper.omitUserHandle
                ? null
                : tamper.userHandle != null ? tamper.userHandle : ResponseJson.b64(held.userHandle);
        byte[] presentedId = tamper.credentialId != null ? ResponseJson.unb64(tamper.credentialId) : held.id;
        return ResponseJson.assertion(presentedId, clientData, authDataBytes, signature, userHandle, tamper);
    }

    /** The credentials this authenticator holds, oldest first, with their current counters. */
    public synchronized List<Credential> credentials() {
        return credentials.stream()
                .map(c -> new Credential(ResponseJson.b64(c.id), c.rpId, ResponseJson.b64(c.userHandle), c.signCount))
                .toList();
    }

    /**
     * A held credential as tests see it (the private key stays inside).
     *
     * @param credentialId base64url credential ID
     * @param rpId         the RP ID it was made for
     * @param userHandle   base64url user handle of its account
     * @param signCount    its counter now (the value of the last response made with it)
     */
    public record Credential(String credentialId, String rpId, String userHandle, long signCount) {}

    private Held choose(String rpId, List<CredentialDescriptor> allow, String useCredential) {
        if (useCredential != null) {
            byte[] wanted = ResponseJson.unb64(useCredential);
            return credentials.stream()
                    .filter(c -> Arrays.equals(c.id, wanted))
                    .reduce((a, b) -> b)
                    .orElseThrow(
                            () -> new IllegalStateException("this authenticator holds no credential " + useCredential));
        }
        Set<String> allowed = allow.stream().map(CredentialDescriptor::id).collect(Collectors.toSet());
        return credentials.stream()
                .filter(c -> c.rpId.equals(rpId))
                .filter(c -> allowed.isEmpty() || allowed.contains(ResponseJson.b64(c.id)))
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new IllegalStateException("NotAllowedError: this authenticator holds no credential for "
                                + rpId + " that the options allow"));
    }

    /** The COSE key a {@link Tamper} asks for; it need not be valid, the authenticator never signs with it. */
    private static COSEKey coseKey(Tamper.CoseKey key) {
        COSEAlgorithmIdentifier alg = COSEAlgorithmIdentifier.create(key.algorithm());
        return switch (key.keyType()) {
            case 1 -> new EdDSACOSEKey(null, alg, null, Curve.create(key.curve()), key.x(), null);
            case 2 -> new EC2COSEKey(null, alg, null, Curve.create(key.curve()), key.x(), key.y());
            case 3 -> new RSACOSEKey(null, alg, null, unsigned(key.n()), unsigned(key.e()));
            default -> throw new IllegalArgumentException("unknown COSE key type " + key.keyType());
        };
    }

    /** A positive number as COSE wants it: big-endian, without the sign byte BigInteger may add. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte flags(Tamper tamper) {
        int flags = 0;
        if (!Boolean.FALSE.equals(tamper.userPresent)) flags |= AuthenticatorData.BIT_UP;
        if (!Boolean.FALSE.equals(tamper.userVerified)) flags |= AuthenticatorData.BIT_UV;
        if (!Boolean.FALSE.equals(tamper.backupEligible)) flags |= AuthenticatorData.BIT_BE;
        if (!Boolean.FALSE.equals(tamper.backupState)) flags |= AuthenticatorData.BIT_BS;
        return (byte) flags;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A credential as the authenticator keeps it. */
    private static final class Held {
        final byte[] id;
        final KeyPair keyPair;
        final String rpId;
        final byte[] userHandle;
        final long algorithm;
        long signCount;

        Held(byte[] id, KeyPair keyPair, String rpId, byte[] userHandle, long signCount, long algorithm) {
            this.algorithm = algorithm;
            this.id = id;
            this.keyPair = keyPair;
            this.rpId = rpId;
            this.userHandle = userHandle;
            this.signCount = signCount;
        }
    }
}

package io.github.passkeys4j.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.passkeys4j.AttestationTrust;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one class that talks to webauthn4j: it parses the W3C JSON responses and runs the checks of WebAuthn Level 3
 * §7.1 and §7.2 that need cryptography or CBOR, and turns webauthn4j's exceptions into {@link PasskeyException}s.
 * Ceremony bookkeeping (challenges, stored credentials, ownership) is done by the callers.
 */
public final class WebAuthn4jVerifier {

    /** AuthenticatorTransport's values; a reported transport outside them is dropped. */
    static final Set<String> SPEC_TRANSPORTS = Set.of("usb", "nfc", "ble", "smart-card", "hybrid", "internal");

    static final int MAX_TRANSPORTS = 8;

    private final WebAuthnManager manager;
    private final ObjectConverter converter = new ObjectConverter();
    private final StoredKeys keys = new StoredKeys(converter);
    private final String rpId;
    private final OriginAllowList origins;
    private final List<PublicKeyCredentialParameters> algorithms;
    private final AttestationTrust trust;

    /**
     * @param algorithms the COSE algorithms a new credential's key may use
     * @param clock      the time at which attestation statements and their chains are checked
     * @param trust      which attestation chains and AAGUIDs are trusted
     */
    public WebAuthn4jVerifier(
            String rpId,
            Set<String> origins,
            boolean refuseSignCounterRegression,
            List<Long> algorithms,
            java.time.Clock clock,
            AttestationTrust trust) {
        // Every statement is verified (§7.1 steps 19-21) whatever attestation was asked for; which chains are trusted
        // is the policy's (with none given: any chain, and self attestation).
        this.trust = trust;
        this.manager = new WebAuthnManager(
                AttestationStatements.verifiers(clock::instant),
                TrustPolicies.certPath(trust, clock),
                TrustPolicies.self(trust),
                converter);
        // Assertion signatures through BouncyCastle's provider instance (issue 13); if this webauthn4j cannot take
        // it, the JDK's providers verify them as before.
        AssertionSignatures.install(manager.getAuthenticationDataVerifier());
        if (!refuseSignCounterRegression) {
            manager.getAuthenticationDataVerifier().setMaliciousCounterValueHandler(authenticationObject -> {});
        }
        this.rpId = rpId;
        this.origins = new OriginAllowList(origins);
        this.algorithms = algorithms.stream()
                .map(alg -> new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(alg)))
                .toList();
    }

    public ParsedRegistration parseRegistration(String responseJson) {
        RegistrationData data = parse(() -> manager.parseRegistrationResponseJSON(responseJson));
        if (data.getCollectedClientData() == null || data.getAttestationObject() == null) {
            throw new PasskeyException(
                    Reason.MALFORMED_RESPONSE, "The response lacks clientDataJSON or attestationObject.");
        }
        AttestedCredentialData attested =
                data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        // A browser's rawId is the attested credential ID; another one is a changed response, and storing either ID
        // would leave a passkey its authenticator cannot use (webauthn4j does not compare them).
        if (attested != null && !java.util.Arrays.equals(attested.getCredentialId(), rawId(responseJson))) {
            throw new PasskeyException(
                    Reason.MALFORMED_RESPONSE,
                    "The response's rawId is not the credential ID in its attestationObject.");
        }
        return new ParsedRegistration(
                Base64Url.encode(data.getCollectedClientData().getChallenge().getValue()), data);
    }

    private static byte[] rawId(String responseJson) {
        return parse(() -> {
            String rawId = CoreJson.MAPPER.readTree(responseJson).path("rawId").asString(null);
            return rawId == null ? null : Base64Url.decode(rawId);
        });
    }

    public VerifiedRegistration verifyRegistration(ParsedRegistration parsed, boolean userVerificationRequired) {
        return verifyRegistration(parsed, userVerificationRequired, true);
    }

    /** {@code userPresenceRequired} is false only for a conditional create (an automatic upgrade). */
    public VerifiedRegistration verifyRegistration(
            ParsedRegistration parsed, boolean userVerificationRequired, boolean userPresenceRequired) {
        RegistrationData data = (RegistrationData) parsed.data();
        RegistrationParameters parameters = new RegistrationParameters(
                serverProperty(parsed.challenge()), algorithms, userVerificationRequired, userPresenceRequired);
        verify(
                () -> manager.verify(data, parameters),
                VerificationFailures::reasonForRegistration,
                data.getCollectedClientData());
        AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authData.getAttestedCredentialData();
        TrustChecks.check(
                trust,
                data.getAttestationObject().getFormat(),
                credential.getAaguid().getValue());
        CredentialKeyCheck.check(credential.getCOSEKey());
        byte[] publicKey = converter.getCborMapper().writeValueAsBytes(credential.getCOSEKey());
        Set<String> transports = data.getTransports() == null
                ? Set.of()
                : knownTransports(
                        data.getTransports().stream().map(t -> t.getValue()).toList());
        Boolean discoverable =
                data.getClientExtensions() == null || data.getClientExtensions().getCredProps() == null
                        ? null
                        : data.getClientExtensions().getCredProps().getRk();
        return new VerifiedRegistration(
                Base64Url.encode(credential.getCredentialId()),
                Base64Url.encode(publicKey),
                authData.getSignCount(),
                credential.getAaguid().getValue(),
                transports,
                authData.isFlagBE(),
                authData.isFlagBS(),
                authData.isFlagUV(),
                discoverable,
                data.getAttestationObject().getFormat(),
                Base64Url.encode(data.getAttestationObjectBytes()),
                Base64Url.encode(data.getCollectedClientDataBytes()),
                // Under roots every statement that got here chained to one of them (none and self are refused).
                trust.requiresTrustedChain()
                        && !"none".equals(data.getAttestationObject().getFormat()));
    }

    public ParsedAuthentication parseAuthentication(String responseJson) {
        AuthenticationData data = parse(() -> manager.parseAuthenticationResponseJSON(responseJson));
        if (data.getCollectedClientData() == null || data.getAuthenticatorData() == null) {
            throw new PasskeyException(
                    Reason.MALFORMED_RESPONSE, "The response lacks clientDataJSON or authenticatorData.");
        }
        byte[] userHandle = data.getUserHandle();
        return new ParsedAuthentication(
                Base64Url.encode(data.getCollectedClientData().getChallenge().getValue()),
                Base64Url.encode(data.getCredentialId()),
                userHandle == null || userHandle.length == 0 ? null : Base64Url.encode(userHandle),
                data);
    }

    public VerifiedAuthentication verifyAuthentication(
            ParsedAuthentication parsed,
            Passkey stored,
            List<String> allowCredentialIds,
            boolean userVerificationRequired) {
        AuthenticationData data = (AuthenticationData) parsed.data();
        CredentialRecordImpl record = new CredentialRecordImpl(
                null,
                stored.uvInitialized(),
                stored.backupEligible(),
                stored.backupState(),
                stored.signCount(),
                new AttestedCredentialData(
                        new AAGUID(stored.aaguid()),
                        Base64Url.decode(stored.credentialId()),
                        parse(() -> keys.coseKey(stored.publicKey()))),
                null,
                null,
                null,
                null);
        List<byte[]> allow = allowCredentialIds.isEmpty()
                ? null
                : allowCredentialIds.stream().map(Base64Url::decode).toList();
        AuthenticationParameters parameters = new AuthenticationParameters(
                serverProperty(parsed.challenge()), record, allow, userVerificationRequired, true);
        verify(() -> manager.verify(data, parameters), VerificationFailures::reasonFor, data.getCollectedClientData());
        AuthenticatorData<?> authData = data.getAuthenticatorData();
        return new VerifiedAuthentication(authData.getSignCount(), authData.isFlagUV(), authData.isFlagBS());
    }

    /**
     * The transports worth keeping: the spec's values (WebAuthn Level 3 §5.8.4), each once, at most
     * {@value #MAX_TRANSPORTS}. They are only hints for the browser, so unknown or repeated values are dropped rather
     * than refusing the passkey: a new transport name must not lock anyone out, and a client sending thousands of
     * values gets none of the junk stored or echoed back in later options.
     */
    static Set<String> knownTransports(List<String> reported) {
        return reported.stream()
                .filter(SPEC_TRANSPORTS::contains)
                .distinct()
                .limit(MAX_TRANSPORTS)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private ServerProperty serverProperty(String challenge) {
        return ServerProperty.builder()
                .originPredicate(origins)
                .rpId(rpId)
                .challenge(new DefaultChallenge(Base64Url.decode(challenge)))
                .build();
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (DataConversionException
                | IllegalArgumentException
                | tools.jackson.core.JacksonException
                // webauthn4j 0.32 casts signed extension data to a CBOR map unchecked: text there is bad input too.
                | ClassCastException e) {
            throw new PasskeyException(Reason.MALFORMED_RESPONSE, Reason.MALFORMED_RESPONSE.message(), e);
        }
    }

    private static void verify(
            Runnable verification, Function<VerificationException, Reason> reasons, CollectedClientData clientData) {
        try {
            verification.run();
        } catch (VerificationException e) {
            Reason reason = reasons.apply(e);
            String message;
            if (reason == Reason.ORIGIN_NOT_ALLOWED) {
                // The origin the browser saw is what the developer must add (the usual mistake behind a proxy).
                message = "The page's origin " + printable(clientData == null ? null : clientData.getOrigin())
                        + " is not allowed: add it to the relying party's origins (passkeys.origins in Spring Boot).";
            } else if ((reason == Reason.ATTESTATION_INVALID
                            || reason == Reason.ATTESTATION_NOT_TRUSTED
                            || reason == Reason.AUTHENTICATOR_REVOKED)
                    && e.getMessage() != null) {
                // Which part of a statement failed helps its developer; webauthn4j's words carry no secret.
                message = reason.message() + " " + e.getMessage();
            } else {
                message = reason.message();
            }
            throw new PasskeyException(reason, message, e);
        } catch (DataConversionException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            // webauthn4j reads the client extension results only now: a credProps.rk that is no boolean lands here.
            throw new PasskeyException(Reason.MALFORMED_RESPONSE, Reason.MALFORMED_RESPONSE.message(), e);
        }
    }

    /** Whether a page at {@code origin} may run ceremonies here: the allow-list the checks use. */
    public boolean allowsOrigin(String origin) {
        try {
            return origin != null && origins.test(new Origin(origin));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** What the browser sent as its origin, quoted, short, without control or format characters (it goes to logs). */
    private static String printable(Object origin) {
        if (origin == null) {
            return "(none)";
        }
        String text = origin.toString().replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
        return "\"" + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + "\"";
    }

    /** A registration response whose challenge is known but which is not verified yet. */
    public record ParsedRegistration(String challenge, Object data) {}

    /** An authentication response whose challenge, credential and user handle are known but not verified yet. */
    public record ParsedAuthentication(String challenge, String credentialId, String userHandle, Object data) {}

    /**
     * A verified registration; {@code discoverable} is credProps.rk, {@code null} when the client did not say;
     * {@code attestationTrusted} when its statement chained to a configured root.
     */
    public record VerifiedRegistration(
            String credentialId,
            String publicKey,
            long signCount,
            java.util.UUID aaguid,
            Set<String> transports,
            boolean backupEligible,
            boolean backupState,
            boolean userVerified,
            Boolean discoverable,
            String attestationFormat,
            String attestationObject,
            String clientDataJSON,
            boolean attestationTrusted) {}

    public record VerifiedAuthentication(long signCount, boolean userVerified, boolean backupState) {}
}

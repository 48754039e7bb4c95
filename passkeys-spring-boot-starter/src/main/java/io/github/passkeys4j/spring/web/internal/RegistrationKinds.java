package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.RegistrationPreferences;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The kinds of authenticator "add" may ask for: a passkey (the app's {@code passkeys.registration.*}) or, when
 * allowed, a security key ({@link RegistrationPreferences#SECURITY_KEY}), chosen per call by
 * {@code {"kind": "passkey" | "security-key"}} (no body: a passkey).
 */
public record RegistrationKinds(RegistrationPreferences passkey, boolean securityKeys) {

    static final String SHAPE = "The body must be empty or {\"kind\": \"passkey\"} or {\"kind\": \"security-key\"}.";

    /** The preferences of the kind the body asks for; a bad body or a kind not offered is a 400 problem. */
    RegistrationPreferences of(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return passkey;
        }
        JsonNode json = PasskeysJson.read(body);
        JsonNode kind = json.path("kind");
        if (!json.isObject() || (!kind.isMissingNode() && !kind.isNull() && !kind.isString())) {
            throw new BadKindException(SHAPE);
        }
        String value = kind.asString("passkey");
        if ("passkey".equals(value)) {
            return passkey;
        }
        if ("security-key".equals(value) && securityKeys) {
            return RegistrationPreferences.SECURITY_KEY;
        }
        throw new BadKindException(
                "security-key".equals(value)
                        ? "Security keys are not offered here (passkeys.registration.security-keys=false)."
                        : SHAPE);
    }

    /** A request the page or the app got wrong, not a device's answer: 400 {@code MALFORMED_REQUEST}. */
    static final class BadKindException extends RuntimeException {
        BadKindException(String detail) {
            super(detail, null, false, false);
        }
    }
}

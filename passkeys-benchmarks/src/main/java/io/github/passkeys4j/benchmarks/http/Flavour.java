package io.github.passkeys4j.benchmarks.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an app under test has its pages and passkey endpoints, and how its pages hand the CSRF token to scripts. Two
 * kinds: ours (the demo, and the floor app that copies its paths and JSON) and Spring Security's {@code webAuthn()}.
 */
enum Flavour {
    /** The starter's endpoints; the CSRF token in the page's {@code _csrf} / {@code _csrf_header} meta tags. */
    PASSKEYS4J(
            "/passkeys/manage",
            "/passkeys/registration/options",
            "/passkeys/registration",
            201,
            "/passkeys/authentication/options",
            "{}",
            "/passkeys/authentication",
            Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\""),
            Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")),
    /** Spring Security 7's {@code http.webAuthn()}: its generated pages pass {@code {"X-CSRF-TOKEN" : "…"}} to its JS. */
    SPRING_SECURITY(
            "/webauthn/register",
            "/webauthn/register/options",
            "/webauthn/register",
            200,
            "/webauthn/authenticate/options",
            "",
            "/login/webauthn",
            Pattern.compile("setup(?:Login|Registration)\\(\\{\"([^\"]+)\" : \"[^\"]+\"\\}"),
            Pattern.compile("setup(?:Login|Registration)\\(\\{\"[^\"]+\" : \"([^\"]+)\"\\}"));

    static final String LOGIN_PAGE = "/login";

    final String registrationPage;
    final String registrationOptions;
    final String registrationFinish;
    final int registrationFinishStatus;
    final String signInOptions;
    final String signInOptionsBody;
    final String signInFinish;
    private final Pattern csrfHeader;
    private final Pattern csrfToken;

    Flavour(
            String registrationPage,
            String registrationOptions,
            String registrationFinish,
            int registrationFinishStatus,
            String signInOptions,
            String signInOptionsBody,
            String signInFinish,
            Pattern csrfHeader,
            Pattern csrfToken) {
        this.registrationPage = registrationPage;
        this.registrationOptions = registrationOptions;
        this.registrationFinish = registrationFinish;
        this.registrationFinishStatus = registrationFinishStatus;
        this.signInOptions = signInOptions;
        this.signInOptionsBody = signInOptionsBody;
        this.signInFinish = signInFinish;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
    }

    /** The body of a registration finish: ours takes the credential and a name, Spring's a wrapped credential and label. */
    String registrationBody(String credentialJson) {
        return this == PASSKEYS4J
                ? "{\"credential\": " + credentialJson + ", \"name\": \"bench\"}"
                : "{\"publicKey\": {\"credential\": " + credentialJson + ", \"label\": \"bench\"}}";
    }

    /** The page's CSRF token, or an exception naming the page when it has none (a wrong page is an error, not a 0). */
    Browser.Csrf csrf(String page, String path) {
        Matcher header = csrfHeader.matcher(page);
        Matcher token = csrfToken.matcher(page);
        if (!header.find() || !token.find()) {
            throw new IllegalStateException(path + " carries no CSRF token for scripts");
        }
        return new Browser.Csrf(header.group(1), token.group(1));
    }

    static Flavour parse(String name) {
        return switch (name) {
            case "passkeys4j" -> PASSKEYS4J;
            case "spring-security" -> SPRING_SECURITY;
            default -> throw new IllegalArgumentException("kind must be passkeys4j or spring-security, not " + name);
        };
    }
}

package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.provider.PasskeyProvider;
import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.MalformedBody;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.store.Passkey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The developer diagnostics page ({@code passkeys.diagnostics.enabled}): the effective settings, what this browser
 * reports (in passkeys-diagnostics.js), and a test of both ceremonies that stores nothing in the app's storage and
 * signs nobody in ({@link DiagnosticRuns}). Under the base path, so the app's own rules decide who may open it.
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}/diagnostics")
// Also here, not only on its configuration: an app (or a test app) that scans this package must not get the page.
@ConditionalOnBooleanProperty("passkeys.diagnostics.enabled")
public final class PasskeysDiagnosticsController {

    static final String TEST_USERNAME = "passkeys-diagnostics-test";
    static final String TEST_DISPLAY_NAME = "Passkeys test (safe to delete)";

    /** The prefix of the page's texts (the bundle's keys); the script gets them all, without it. */
    static final String TEXTS = "passkeys.diagnostics.";

    /**
     * One line of the settings list: the bundle's key for the setting's name; its value, as is or (with a
     * {@code valueKey}) the bundle's text for that key with the value as its {0}; its property (or null).
     */
    public record Setting(String name, String value, String property, String valueKey) {

        /** A value shown as it is (an ID, a URL, a list of origins). */
        public static Setting plain(String name, String value, String property) {
            return new Setting(name, value, property, null);
        }

        /** A value in words: the text of {@code valueKey}, with {@code value} (may be null) as its {0}. */
        public static Setting words(String name, String valueKey, String value, String property) {
            return new Setting(name, value, property, valueKey);
        }
    }

    private final RelyingParty relyingParty;
    private final String basePath;
    private final List<Setting> settings;
    private final BrowserNames browserNames;
    private final PasskeysMessages messages;
    private final DiagnosticRuns runs;
    private final String page;

    public PasskeysDiagnosticsController(
            RelyingParty relyingParty,
            String basePath,
            List<Setting> settings,
            BrowserNames browserNames,
            PasskeysMessages messages) {
        this.relyingParty = relyingParty;
        this.basePath = basePath;
        this.settings = List.copyOf(settings);
        this.browserNames = browserNames;
        this.messages = messages;
        this.runs = new DiagnosticRuns(relyingParty, messages);
        this.page = ClientFiles.readPage("diagnostics.html");
    }

    @GetMapping
    public ResponseEntity<String> page(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Locale locale = messages.locale(request);
        String browser = browserNames.describe(userAgent);
        String origins = PasskeysJson.mapper()
                .writeValueAsString(relyingParty.origins().stream().sorted().toList());
        String body = messages.html(page, locale)
                .replace("{{language}}", escape(messages.language(locale)))
                .replace("{{texts}}", messages.json(TEXTS, locale))
                .replace("{{csrfToken}}", csrf == null ? "" : escape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : escape(csrf.getHeaderName()))
                .replace("{{basePath}}", escape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", escape(request.getContextPath()))
                .replace("{{rpId}}", escape(relyingParty.rpId()))
                .replace("{{origins}}", escape(origins))
                .replace(
                        "{{browser}}",
                        escape(
                                browser == null
                                        ? messages.get("passkeys.diagnostics.browser.unknown", locale)
                                        : browser))
                .replace("{{settings}}", settingsHtml(locale));
        ClientFiles.securityHeaders(response);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    @GetMapping("/passkeys-diagnostics.js")
    public void script(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys-diagnostics.js", request, response);
    }

    /** Step 1: a new run and its registration options (as the real ones, for a throwaway user). */
    @PostMapping("/registration/options")
    public ResponseEntity<String> registrationOptions() {
        DiagnosticRuns.Run run = runs.start();
        return PasskeysJson.ok(Map.of(
                "run",
                run.id(),
                "options",
                run.relyingParty()
                        .startRegistration(StartRegistration.forAccount(run.id(), TEST_USERNAME)
                                .withDisplayName(TEST_DISPLAY_NAME))));
    }

    /** Step 3: body {@code {"run": …, "credential": <toJSON()>}}; verified and kept in the run's memory only. */
    @PostMapping(path = "/registration", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> register(
            @RequestBody String json,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) {
        JsonNode body = body(json);
        DiagnosticRuns.Run run = runs.get(body.path("run").asString(null), messages.locale(request));
        try {
            Passkey passkey = run.relyingParty()
                    .finishRegistration(FinishRegistration.of(
                                    run.id(), body.path("credential").toString())
                            .withFallbackName(browserNames.describe(userAgent)));
            return PasskeysJson.ok(new Registered(
                    passkey.credentialId(),
                    passkey.aaguid().toString(),
                    relyingParty
                            .providers()
                            .find(passkey.aaguid())
                            .map(PasskeyProvider::name)
                            .orElse(null),
                    passkey.name(),
                    passkey.uvInitialized(),
                    passkey.backupEligible(),
                    passkey.backupState(),
                    passkey.transports().stream().sorted().toList(),
                    passkey.authenticatorAttachment(),
                    passkey.attestationFormat()));
        } catch (RuntimeException e) {
            runs.end(run.id());
            throw e;
        }
    }

    /** Step 4: body {@code {"run": …}}; options that allow the run's passkey only. */
    @PostMapping(path = "/authentication/options", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> authenticationOptions(@RequestBody String json, HttpServletRequest request) {
        DiagnosticRuns.Run run = runs.get(body(json).path("run").asString(null), messages.locale(request));
        return PasskeysJson.ok(run.relyingParty().startAuthentication(StartAuthentication.forAccount(run.id())));
    }

    /** Step 6: verified like a sign-in, but nobody is signed in; the run is forgotten either way. */
    @PostMapping(path = "/authentication", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> authenticate(@RequestBody String json, HttpServletRequest request) {
        JsonNode body = body(json);
        DiagnosticRuns.Run run = runs.get(body.path("run").asString(null), messages.locale(request));
        try {
            var result = run.relyingParty()
                    .finishAuthentication(
                            new FinishAuthentication(body.path("credential").toString()));
            return PasskeysJson.ok(Map.of(
                    "userVerified",
                    result.userVerified(),
                    "signCount",
                    result.passkey().signCount(),
                    "signedIn",
                    false,
                    "stored",
                    false));
        } finally {
            runs.end(run.id());
        }
    }

    @ExceptionHandler(DiagnosticRuns.Busy.class)
    ProblemDetail busy(DiagnosticRuns.Busy e, HttpServletRequest request) {
        return Problems.answer(
                request, Problems.of(HttpStatus.TOO_MANY_REQUESTS, messages.get(e.getMessage(), request)), messages);
    }

    /** What the test passkey would be stored as: the page shows it. */
    record Registered(
            String credentialId,
            String aaguid,
            String provider,
            String name,
            boolean userVerified,
            boolean backupEligible,
            boolean synced,
            List<String> transports,
            String authenticatorAttachment,
            String attestationFormat) {}

    private static JsonNode body(String json) {
        JsonNode body = PasskeysJson.read(json);
        if (!body.isObject() || !body.path("run").isString()) {
            throw new MalformedBody(
                    "The body must be {\"run\": string, \"credential\": <PublicKeyCredential.toJSON()>}.");
        }
        return body;
    }

    private String settingsHtml(Locale locale) {
        return settings.stream()
                .map(s -> "<div class=\"passkeys-setting\"><dt>" + escape(messages.get(s.name(), locale)) + "</dt><dd>"
                        + escape(value(s, locale))
                        + (s.property() == null ? "" : " <code>" + escape(s.property()) + "</code>") + "</dd></div>")
                .collect(Collectors.joining("\n    "));
    }

    private String value(Setting setting, Locale locale) {
        if (setting.valueKey() == null) {
            return String.valueOf(setting.value());
        }
        return setting.value() == null
                ? messages.get(setting.valueKey(), locale)
                : messages.get(setting.valueKey(), locale, setting.value());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8"); // German letters as they are, not &uuml;
    }
}

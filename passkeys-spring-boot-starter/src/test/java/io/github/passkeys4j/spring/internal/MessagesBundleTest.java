package io.github.passkeys4j.spring.internal;

import io.github.passkeys4j.PasskeyException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's message bundles: English, German, French and Spanish have exactly the same keys; every key the HTML,
 * the JavaScript and the Java use exists; every refusal has the user's words; placeholders match between languages;
 * apostrophes survive formatting; and no text a user sees speaks like a developer (except on the diagnostics page,
 * which is for developers: {@value #DIAGNOSTICS}).
 */
class MessagesBundleTest {

    static final Path MAIN = Path.of("src", "main");
    static final Path WEB = MAIN.resolve("resources/io/github/passkeys4j/spring/web");
    static final Path FRAGMENT = MAIN.resolve("resources/templates/passkeys4j/manager.html");

    /** The developer diagnostics page's texts: technical words are what its readers need. */
    static final String DIAGNOSTICS = "passkeys.diagnostics.";

    /** Words (regular expressions) for {@code detail} and the log, never in what a user reads (every language). */
    static final List<String> DEVELOPER_WORDS = List.of(
            "ceremon", // also Spanish "ceremonia"
            "zeremon",
            "cérémon",
            "rpid",
            "rp-id",
            "rp id",
            "relying party",
            "origin", // also French "origine"
            "origen",
            "orígen", // "orígenes"
            "partie de confiance",
            "partie utilisatrice",
            "parte de confianza",
            "parte que confía",
            "défi\\b",
            "desafío",
            "challenge",
            "attestation",
            "authenticator",
            "authentificateur",
            "autenticador",
            "credential",
            "credencial",
            "assertion", // also French
            "aserción",
            "atestaci",
            "csrf",
            "token",
            "jeton",
            "json",
            "http",
            "endpoint",
            "setting",
            "einstellung",
            "paramètre",
            "parámetro",
            "property",
            "propriété",
            "propiedad",
            "passkeys\\.[a-z]", // a property name; "your passkeys." at a sentence's end is fine
            "user handle",
            "aaguid",
            "counter",
            "compteur",
            "contador",
            "exception", // also French
            "excepción",
            "internal",
            "interne",
            "interno",
            "point de terminaison",
            "null",
            "webauthn",
            "reason",
            "cbor",
            "401",
            "403",
            "404",
            "405",
            "413",
            "415",
            "500");

    static final Map<String, String> EN = bundle("");
    static final Map<String, String> DE = bundle("_de");
    static final Map<String, String> FR = bundle("_fr");
    static final Map<String, String> ES = bundle("_es");

    /** Every translation, by its language: each is held to everything English is. */
    static final Map<String, Map<String, String>> TRANSLATIONS = Map.of("de", DE, "fr", FR, "es", ES);

    @Test
    void everyLanguageHasTheSameKeysAsEnglish() {
        assertThat(PasskeysMessages.keys()).isEqualTo(EN.keySet());
        assertThat(EN.get("passkeys.language")).isEqualTo("en");
        assertThat(EN.values()).noneMatch(String::isBlank);
        TRANSLATIONS.forEach((language, bundle) -> {
            assertThat(bundle.keySet()).as(language).isEqualTo(EN.keySet());
            assertThat(bundle.get("passkeys.language")).isEqualTo(language);
            assertThat(bundle.values()).as(language).noneMatch(String::isBlank);
        });
    }

    @Test
    void theStarterAnswersEachLanguageInItsOwnWords() {
        PasskeysMessages messages = PasskeysMessages.ours();
        Map<Locale, String> expected = Map.of(
                Locale.ENGLISH,
                "en",
                Locale.GERMANY,
                "de",
                Locale.FRANCE,
                "fr",
                Locale.CANADA_FRENCH,
                "fr",
                Locale.forLanguageTag("es-ES"),
                "es",
                Locale.forLanguageTag("es-MX"),
                "es",
                Locale.ITALIAN,
                "en");
        expected.forEach((locale, language) ->
                assertThat(messages.language(locale)).as(locale.toString()).isEqualTo(language));
        assertThat(messages.get("passkeys.page.title", Locale.FRENCH)).isEqualTo("Vos clés d'accès");
        assertThat(messages.get("passkeys.page.title", Locale.forLanguageTag("es")))
                .isEqualTo("Sus llaves de acceso");
    }

    @Test
    void everyApostropheSurvivesFormatting() {
        PasskeysMessages messages = PasskeysMessages.ours();
        int formatted = 0;
        int apostrophes = 0;
        for (String language : List.of("en", "de", "fr", "es")) {
            Map<String, String> bundle = language.equals("en") ? EN : TRANSLATIONS.get(language);
            Locale locale = Locale.forLanguageTag(language);
            for (Map.Entry<String, String> entry : bundle.entrySet()) {
                String key = entry.getKey();
                String text = entry.getValue();
                if (!key.startsWith(PasskeysMessages.CLIENT_PREFIX) && text.contains("{0}")) {
                    // A MessageFormat pattern, filled in on the server: '' is one apostrophe, a lone ' would vanish.
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                    assertThat(messages.get(key, locale, "X"))
                            .as(language + " " + key)
                            .isEqualTo(text.replace("''", "'").replace("{0}", "X"));
                    formatted++;
                } else {
                    // Given out as written (no arguments; {name}-style placeholders are the JavaScript's): a doubled
                    // apostrophe would show twice.
                    assertThat(text).as(language + " " + key).doesNotContain("''");
                    assertThat(messages.get(key, locale))
                            .as(language + " " + key)
                            .isEqualTo(text);
                    if (text.contains("{") && text.contains("'")) {
                        apostrophes++;
                    }
                }
            }
        }
        assertThat(formatted).as("server-side patterns checked").isGreaterThanOrEqualTo(4 * 5);
        assertThat(apostrophes)
                .as("texts with placeholders and apostrophes checked")
                .isGreaterThan(10);
        assertThat(FR.values().stream().filter(t -> t.contains("'")).count())
                .as("French texts with an apostrophe")
                .isGreaterThan(100);
    }

    @Test
    void everyRefusalHasTheUsersWords() {
        List<String> reasons = new ArrayList<>(Problems.OTHER_REASONS);
        Arrays.stream(PasskeyException.Reason.values()).map(Enum::name).forEach(reasons::add);
        reasons.add("GENERIC");
        for (String reason : reasons) {
            assertThat(EN).as(reason).containsKey("passkeys.problem." + reason);
        }
        assertThat(EN.keySet().stream().filter(k -> k.startsWith("passkeys.problem.")))
                .as("no text for a refusal that does not exist")
                .hasSize(reasons.size());
    }

    @Test
    void everyKeyTheHtmlJavaScriptAndJavaUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String page : List.of("manage.html", "diagnostics.html", "step-up.html")) {
            used.addAll(find(Files.readString(WEB.resolve(page)), "\\{\\{text:([a-z0-9.-]+)}}", ""));
        }
        // The Thymeleaf fragment: ${@passkeysMessages.get('passkeys.page.loading', #locale)}.
        used.addAll(find(Files.readString(FRAGMENT), "get\\('(passkeys\\.[a-z0-9.-]+)'", ""));
        // The diagnostics script: t('verdict.ok'), and its STEPS, each the end of a key.
        String diagnostics = Files.readString(WEB.resolve("passkeys-diagnostics.js"));
        used.addAll(find(diagnostics, "\\bt\\('([a-z0-9.-]*[a-z0-9])'", DIAGNOSTICS));
        for (String step : find(diagnostics, "STEPS = \\[([^\\]]*)]", "")) {
            find(step, "'([a-z-]+)'", DIAGNOSTICS + "step.").forEach(used::add);
        }
        for (Path script : scripts()) {
            // Client keys are written without their prefix: t('manage.rename'), text('error.generic'), PLAIN's values.
            used.addAll(find(
                    Files.readString(script),
                    "'((?:error|manage|signup|upgrade|immediate|username|recovery|step-up)\\.[a-z0-9.-]*[a-z0-9])'",
                    "passkeys.client."));
        }
        used.addAll(find(Files.readString(WEB.resolve("passkeys-manage.js")), "TRANSPORTS = \\[([^\\]]*)]", ""));
        try (Stream<Path> sources = Files.walk(MAIN.resolve("java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                used.addAll(find(
                        Files.readString(source),
                        "\"(passkeys\\.(?:page|login|logout|language|diagnostics)(?:[a-z0-9.-]*[a-z0-9])?)\"",
                        ""));
            }
        }
        used.remove("passkeys.diagnostics.enabled"); // the property that turns the page on, not a text
        // The transports list holds names, each the end of a key.
        Set<String> keys = new TreeSet<>();
        for (String key : used) {
            if (key.contains("'")) {
                for (Matcher m = Pattern.compile("'([a-z-]+)'").matcher(key); m.find(); ) {
                    keys.add("passkeys.client.manage.transport." + m.group(1));
                }
            } else {
                keys.add(key);
            }
        }
        assertThat(keys).as("keys found in the sources").hasSizeGreaterThan(130);
        assertThat(keys)
                .as("the diagnostics page's")
                .filteredOn(k -> k.startsWith(DIAGNOSTICS))
                .hasSizeGreaterThan(70);
        assertThat(EN.keySet()).containsAll(keys);
        // And nothing in the bundle is left unused (problem texts are looked up by reason).
        Set<String> unused = new TreeSet<>(EN.keySet());
        unused.removeAll(keys);
        unused.removeIf(k -> k.startsWith("passkeys.problem."));
        assertThat(unused).isEmpty();
    }

    @Test
    void placeholdersAreTheSameInEveryLanguageAndPatternsParse() {
        for (String key : EN.keySet()) {
            boolean pattern = !key.startsWith(PasskeysMessages.CLIENT_PREFIX)
                    && EN.get(key).contains("{0}");
            if (pattern) {
                // A MessageFormat pattern: it must parse, and keep its text (an apostrophe would need doubling).
                assertThat(new MessageFormat(EN.get(key), Locale.ENGLISH).format(new Object[] {"X"}))
                        .isEqualTo(EN.get(key).replace("{0}", "X"));
            }
            TRANSLATIONS.forEach((language, bundle) -> {
                String text = bundle.get(key);
                assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(EN.get(key)));
                if (pattern) {
                    assertThat(new MessageFormat(text, Locale.forLanguageTag(language)).format(new Object[] {"X"}))
                            .as(language + " " + key)
                            .isEqualTo(text.replace("''", "'").replace("{0}", "X"));
                }
            });
        }
    }

    @Test
    void frenchPunctuationHasItsNoBreakSpace() {
        // Before ? ! : ; and inside « », a no-break space (U+00A0), so that the sign never starts a line.
        FR.forEach((key, text) -> {
            assertThat(text).as(key).doesNotContainPattern(" [?!:;»]").doesNotContain("« ");
            assertThat(text).as(key).doesNotContainPattern("[^\\s\u00a0/][?!;»]");
            // A colon right after a letter is only in an address or a property (the diagnostics page's).
            assertThat(text.replaceAll("https?://", "")).as(key).doesNotContainPattern("\\p{L}:");
        });
        assertThat(FR.get("passkeys.logout.spring.question")).isEqualTo("Voulez-vous vous déconnecter\u00a0?");
        assertThat(ES.get("passkeys.logout.spring.question")).isEqualTo("¿Desea cerrar la sesión?");
    }

    @Test
    void noTextAUserSeesSpeaksLikeADeveloper() {
        List<String> found = new ArrayList<>();
        for (Map<String, String> bundle : List.of(EN, DE, FR, ES)) {
            bundle.forEach((key, text) -> {
                if (key.startsWith(DIAGNOSTICS)) {
                    return; // for developers (passkeysDiagnosticsTextsDoSpeakLikeADeveloper shows the scan sees them)
                }
                String lower = text.toLowerCase(Locale.ROOT);
                DEVELOPER_WORDS.stream()
                        .filter(word -> Pattern.compile(word).matcher(lower).find())
                        .forEach(word -> found.add(key + ": \"" + word + "\" in " + text));
            });
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onlyTheDiagnosticsPageIsExemptAndItsTextsDoSpeakLikeADeveloper() {
        for (Map<String, String> bundle : List.of(EN, DE, FR, ES)) {
            long technical = bundle.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(DIAGNOSTICS))
                    .filter(e -> DEVELOPER_WORDS.stream()
                            .anyMatch(word -> Pattern.compile(word)
                                    .matcher(e.getValue().toLowerCase(Locale.ROOT))
                                    .find()))
                    .count();
            assertThat(technical)
                    .as(bundle.get("passkeys.language") + ": developer words the exemption lets through")
                    .isGreaterThan(5);
        }
        assertThat(EN.keySet().stream().filter(k -> !k.startsWith(DIAGNOSTICS)))
                .as("texts users see, checked")
                .hasSizeGreaterThan(60);
    }

    @Test
    void theScanFindsADeveloperWordWhereThereIsOne() {
        // The scan above must be able to fail: the core's developer voice is full of such words.
        long technical = Arrays.stream(PasskeyException.Reason.values())
                .map(r -> r.message().toLowerCase(Locale.ROOT))
                .filter(m -> DEVELOPER_WORDS.stream()
                        .anyMatch(word -> Pattern.compile(word).matcher(m).find()))
                .count();
        assertThat(technical).isGreaterThan(5);
    }

    private static Set<String> placeholders(String text) {
        return new TreeSet<>(find(text, "\\{([a-z0-9]+)}", ""));
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(WEB)) {
            return files.filter(p -> p.toString().endsWith(".js")).toList();
        }
    }

    private static List<String> find(String text, String regex, String prefix) {
        List<String> found = new ArrayList<>();
        for (Matcher m = Pattern.compile(regex).matcher(text); m.find(); ) {
            found.add(prefix + m.group(1));
        }
        return found;
    }

    private static Map<String, String> bundle(String suffix) {
        Properties properties = new Properties();
        String name = PasskeysMessages.BASENAME + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
        return texts;
    }
}

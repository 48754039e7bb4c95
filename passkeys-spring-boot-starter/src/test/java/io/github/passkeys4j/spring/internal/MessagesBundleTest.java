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
 * The starter's message bundles: English and German have exactly the same keys; every key the HTML, the JavaScript
 * and the Java use exists; every refusal has the user's words; placeholders match between languages; and no text a
 * user sees speaks like a developer (except on the diagnostics page, which is for developers: {@value #DIAGNOSTICS}).
 */
class MessagesBundleTest {

    static final Path MAIN = Path.of("src", "main");
    static final Path WEB = MAIN.resolve("resources/io/github/passkeys4j/spring/web");
    static final Path FRAGMENT = MAIN.resolve("resources/templates/passkeys4j/manager.html");

    /** The developer diagnostics page's texts: technical words are what its readers need. */
    static final String DIAGNOSTICS = "passkeys.diagnostics.";

    /** Words (regular expressions) for {@code detail} and the log, never in what a user reads (both languages). */
    static final List<String> DEVELOPER_WORDS = List.of(
            "ceremon",
            "zeremon",
            "rpid",
            "rp-id",
            "rp id",
            "relying party",
            "origin",
            "challenge",
            "attestation",
            "authenticator",
            "credential",
            "assertion",
            "csrf",
            "token",
            "json",
            "http",
            "endpoint",
            "setting",
            "einstellung",
            "property",
            "passkeys\\.[a-z]", // a property name; "your passkeys." at a sentence's end is fine
            "user handle",
            "aaguid",
            "counter",
            "exception",
            "internal",
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

    @Test
    void englishAndGermanHaveTheSameKeys() {
        assertThat(DE.keySet()).isEqualTo(EN.keySet());
        assertThat(PasskeysMessages.keys()).isEqualTo(EN.keySet());
        assertThat(EN.get("passkeys.language")).isEqualTo("en");
        assertThat(DE.get("passkeys.language")).isEqualTo("de");
        assertThat(EN.values()).noneMatch(String::isBlank);
        assertThat(DE.values()).noneMatch(String::isBlank);
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
    void placeholdersAreTheSameInBothLanguagesAndPatternsParse() {
        for (String key : EN.keySet()) {
            assertThat(placeholders(DE.get(key))).as(key).isEqualTo(placeholders(EN.get(key)));
            if (!key.startsWith(PasskeysMessages.CLIENT_PREFIX) && EN.get(key).contains("{0}")) {
                // A MessageFormat pattern: it must parse, and keep its text (an apostrophe would need doubling).
                assertThat(new MessageFormat(EN.get(key), Locale.ENGLISH).format(new Object[] {"X"}))
                        .isEqualTo(EN.get(key).replace("{0}", "X"));
                assertThat(new MessageFormat(DE.get(key), Locale.GERMAN).format(new Object[] {"X"}))
                        .isEqualTo(DE.get(key).replace("{0}", "X"));
            }
        }
    }

    @Test
    void noTextAUserSeesSpeaksLikeADeveloper() {
        List<String> found = new ArrayList<>();
        for (Map<String, String> bundle : List.of(EN, DE)) {
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
        long technical = EN.entrySet().stream()
                .filter(e -> e.getKey().startsWith(DIAGNOSTICS))
                .filter(e -> DEVELOPER_WORDS.stream()
                        .anyMatch(word -> Pattern.compile(word)
                                .matcher(e.getValue().toLowerCase(Locale.ROOT))
                                .find()))
                .count();
        assertThat(technical).as("developer words the exemption lets through").isGreaterThan(5);
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

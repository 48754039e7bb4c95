package io.github.passkeys4j.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's own bundles: English and German have the same keys and placeholders, no text is blank, every key the
 * templates ({@code #{demo.…}}, and the {@code demo.home.how.*} words SignInMethod names) and the Java use exists, and
 * none is left unused.
 */
class DemoMessagesTest {

    static final Path MAIN = Path.of("src", "main");

    @Test
    void englishAndGermanHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(en.getProperty("demo.language")).isEqualTo("en");
        assertThat(de.getProperty("demo.language")).isEqualTo("de");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(de.getProperty(key)).as(key).isNotBlank();
            assertThat(find(de.getProperty(key), "(\\{\\d+})"))
                    .as(key)
                    .isEqualTo(find(en.getProperty(key), "(\\{\\d+})"));
        }
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : files(MAIN.resolve("resources/templates"), ".html")) {
            used.addAll(find(Files.readString(file), "#\\{(demo\\.[A-Za-z0-9.]+)"));
        }
        for (Path file : files(MAIN.resolve("java"), ".java")) {
            used.addAll(find(Files.readString(file), "\"(demo\\.[A-Za-z0-9.]+)\""));
        }
        // home.html builds the key from SignInMethod's label: #{${'demo.home.how.' + how}}.
        for (SignInMethod method : SignInMethod.values()) {
            used.add("demo.home.how." + method.label());
        }
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(30);
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        assertThat(keys).containsAll(used);
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(MAIN.resolve("resources").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static Set<String> find(String text, String regex) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = Pattern.compile(regex).matcher(text); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }
}

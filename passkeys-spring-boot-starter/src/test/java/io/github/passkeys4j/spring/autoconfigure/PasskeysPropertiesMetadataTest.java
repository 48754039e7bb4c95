package io.github.passkeys4j.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code passkeys.*} property reaches an IDE with a description (from field javadoc or the additional file). */
class PasskeysPropertiesMetadataTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in =
                PasskeysProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void everyPropertyHasADescription() throws Exception {
        List<String> undocumented = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata().path("properties")) {
            String name = property.path("name").asString();
            names.add(name);
            if (property.path("description").asString("").isBlank()) {
                undocumented.add(name);
            }
        }
        assertThat(names)
                .allMatch(name -> name.startsWith("passkeys."))
                .contains(
                        "passkeys.rp-id",
                        "passkeys.origins",
                        "passkeys.ceremony-timeout",
                        "passkeys.jdbc.initialize-schema",
                        "passkeys.security.customize-http-security");
        assertThat(undocumented).isEmpty();
    }

    @Test
    void initializeSchemaIsOurOwnTypeWithBootsValues() throws Exception {
        JsonNode property = find("passkeys.jdbc.initialize-schema");
        assertThat(property.path("type").asString()).isEqualTo(PasskeysProperties.InitializeSchema.class.getName());
        assertThat(property.path("defaultValue").asString()).isEqualTo("embedded");
        assertThat(PasskeysProperties.InitializeSchema.values())
                .extracting(Enum::name)
                .containsExactly("EMBEDDED", "ALWAYS", "NEVER");
    }

    @Test
    void defaultsAreStated() throws Exception {
        assertThat(find("passkeys.rp-id").path("defaultValue").asString()).isEqualTo("localhost");
        assertThat(find("passkeys.ceremony-timeout").path("defaultValue").asString())
                .isEqualTo("5m");
        assertThat(find("passkeys.user-verification").path("defaultValue").asString())
                .isEqualTo("required");
        assertThat(find("passkeys.security.customize-http-security")
                        .path("defaultValue")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theSchemaPlatformsWeShipAreHinted() throws Exception {
        List<String> values = new ArrayList<>();
        for (JsonNode hint : metadata().path("hints")) {
            if ("passkeys.jdbc.platform".equals(hint.path("name").asString())) {
                hint.path("values")
                        .forEach(value -> values.add(value.path("value").asString()));
            }
        }
        assertThat(values).containsExactly("h2", "postgresql");
        for (String platform : values) {
            assertThat(PasskeysProperties.class.getResource(
                            "/io/github/passkeys4j/spring/jdbc/schema-" + platform + ".sql"))
                    .as(platform)
                    .isNotNull();
        }
    }

    private static JsonNode find(String name) throws Exception {
        for (JsonNode property : metadata().path("properties")) {
            if (name.equals(property.path("name").asString())) {
                return property;
            }
        }
        throw new AssertionError("no metadata for " + name);
    }
}

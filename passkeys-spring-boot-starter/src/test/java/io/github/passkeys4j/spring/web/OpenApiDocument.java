package io.github.passkeys4j.spring.web;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The starter's OpenAPI description (META-INF/passkeys/openapi.yaml, read with SnakeYAML) and a small structural check
 * of real answers against it: the status is documented, the media type is, and a JSON body fits its schema as far as
 * the description uses JSON Schema here ({@code $ref}, {@code anyOf}, {@code type} (also as a list), {@code const},
 * {@code properties} with {@code required} and {@code additionalProperties: false}, {@code items}). Hand-written: no
 * OpenAPI validator is in the local repository, and this subset is all the description uses.
 */
final class OpenApiDocument {

    static final String RESOURCE = "META-INF/passkeys/openapi.yaml";

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Object yaml = new Yaml().load(in);
            return new OpenApiDocument(HttpSession.JSON.valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Every documented operation as {@code "POST /passkeys/authentication"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.path("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(method -> !method.equals("parameters"))
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** What is wrong with this answer to {@code method pathTemplate} by the description; empty when nothing. */
    List<String> check(String method, String pathTemplate, HttpResponse<String> response) {
        String where = method + " " + pathTemplate + " → " + response.statusCode();
        JsonNode operation = root.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(where + ": operation not documented");
        }
        JsonNode documented = resolve(operation.path("responses").path(String.valueOf(response.statusCode())));
        if (documented.isMissingNode()) {
            return List.of(where + ": status not documented");
        }
        String mediaType = response.headers()
                .firstValue("Content-Type")
                .orElse("")
                .split(";")[0]
                .strip();
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return response.body().isEmpty() ? List.of() : List.of(where + ": a body where none is documented");
        }
        if (!content.has(mediaType)) {
            return List.of(where + ": media type " + mediaType + " not documented");
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        check(
                HttpSession.JSON.readTree(response.body()),
                content.path(mediaType).path("schema"),
                where + " body",
                violations);
        return violations;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> violations) {
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.path("anyOf")) {
                List<String> tried = new ArrayList<>();
                check(value, option, where, tried);
                if (tried.isEmpty()) {
                    return;
                }
            }
            violations.add(where + ": fits none of anyOf: " + value);
            return;
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode()) {
            List<String> types =
                    type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
            if (!types.contains(typeOf(value)) && !(typeOf(value).equals("integer") && types.contains("number"))) {
                violations.add(where + ": is " + typeOf(value) + ", documented " + types);
                return;
            }
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            violations.add(where + ": is " + value + ", documented const " + schema.path("const"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            boolean closed = schema.path("additionalProperties").isBoolean()
                    && !schema.path("additionalProperties").asBoolean();
            for (String name : value.propertyNames()) {
                if (properties.has(name)) {
                    check(value.path(name), properties.path(name), where + "." + name, violations);
                } else if (closed) {
                    violations.add(where + ": property " + name + " not documented");
                }
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    violations.add(where + ": required property " + required.asString() + " missing");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), where + "[" + i + "]", violations);
            }
        }
    }

    /** Follows a local {@code $ref} ({@code #/components/...}). */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are used: " + ref);
            }
            node = root.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
        }
        return node;
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isIntegralNumber() ? "integer" : "number";
    }
}

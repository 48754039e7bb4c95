package io.github.passkeys4j.spring.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own JSON: the W3C forms and our views are written and read by this one mapper, never the
 * application's, so no {@code spring.jackson.*} setting (snake_case names, say) changes the wire format the browser
 * code expects. Every class of the starter that reads or writes JSON uses {@link #mapper()}.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class PasskeysJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PasskeysJson() {}

    /** The starter's one mapper, with Jackson's defaults (immutable, thread-safe). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static ResponseEntity<String> response(HttpStatus status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(MAPPER.writeValueAsString(body));
    }

    public static ResponseEntity<String> ok(Object body) {
        return response(HttpStatus.OK, body);
    }

    public static JsonNode read(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The request body is not valid JSON.", e, null);
        }
        if (node == null || node.isMissingNode()) {
            throw new HttpMessageNotReadableException("The request body is empty.", null, null);
        }
        return node;
    }
}

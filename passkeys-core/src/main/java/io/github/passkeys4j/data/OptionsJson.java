package io.github.passkeys4j.data;

import io.github.passkeys4j.internal.CoreJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own JSON writer for the options: a mapper of its own with Jackson's defaults, so no setting of a host
 * application (a naming strategy, null handling) changes the W3C member names browsers expect.
 */
final class OptionsJson {

    private static final JsonMapper MAPPER = CoreJson.MAPPER;

    private OptionsJson() {}

    static String write(Object options) {
        return MAPPER.writeValueAsString(options);
    }
}

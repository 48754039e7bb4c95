package io.github.passkeys4j.internal;

import tools.jackson.databind.json.JsonMapper;

/** The core's one JSON mapper: options, responses, pending state and the provider list, whatever the host app uses. */
public final class CoreJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CoreJson() {}
}

package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.CoreJson;
import io.github.passkeys4j.store.PasskeyUser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PendingCeremony} as the bytes a store keeps: UTF-8 JSON with a {@code version}, written and read member by
 * member with the core's own mapper (no host application's settings apply). A new member is added with a default for
 * older state; a change that older code could misread raises {@link #VERSION}. State that cannot be read (another
 * version, or damaged) is treated as an unknown challenge: the user starts again.
 */
final class PendingCeremonyJson {

    static final int VERSION = 1;

    private static final JsonMapper MAPPER = CoreJson.MAPPER;

    private PendingCeremonyJson() {}

    static byte[] write(PendingCeremony ceremony) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("challenge", ceremony.challenge());
        root.put("type", ceremony.type().name());
        PasskeyUser user = ceremony.user();
        if (user != null) {
            ObjectNode u = root.putObject("user");
            u.put("userHandle", user.userHandle());
            u.put("accountId", user.accountId());
            u.put("username", user.username());
            u.put("displayName", user.displayName());
            if (user.notBefore() != null) {
                u.put("notBefore", user.notBefore().toString());
            }
        }
        ArrayNode allow = root.putArray("allowCredentialIds");
        ceremony.allowCredentialIds().forEach(allow::add);
        root.put("userVerification", ceremony.userVerification().name());
        root.put("expiresAt", ceremony.expiresAt().toString());
        if (ceremony.conditional()) {
            root.put("conditional", true); // absent in older state: false, UP required
        }
        return MAPPER.writeValueAsBytes(root);
    }

    static PendingCeremony read(byte[] state) {
        try {
            JsonNode root = MAPPER.readTree(state);
            if (root == null || root.path("version").asInt(0) != VERSION) {
                throw new IllegalArgumentException("unknown version");
            }
            JsonNode u = root.path("user");
            PasskeyUser user = u.isObject()
                    ? PasskeyUser.builder()
                            .userHandle(text(u, "userHandle"))
                            .accountId(text(u, "accountId"))
                            .username(text(u, "username"))
                            .displayName(u.path("displayName").asString(null))
                            .notBefore(u.hasNonNull("notBefore") ? Instant.parse(text(u, "notBefore")) : null)
                            .build()
                    : null;
            List<String> allow = new ArrayList<>();
            root.path("allowCredentialIds").forEach(id -> allow.add(id.asString()));
            return new PendingCeremony(
                    text(root, "challenge"),
                    PendingCeremony.Type.valueOf(text(root, "type")),
                    user,
                    allow,
                    UserVerification.valueOf(text(root, "userVerification")),
                    Instant.parse(text(root, "expiresAt")),
                    root.path("conditional").asBoolean(false));
        } catch (JacksonException | IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new PasskeyException(
                    Reason.CHALLENGE_UNKNOWN,
                    "This ceremony was started by another version of the server, or its state is damaged; start again.",
                    e);
        }
    }

    private static String text(JsonNode node, String member) {
        String value = node.path(member).asString(null);
        if (value == null) {
            throw new IllegalArgumentException("no " + member);
        }
        return value;
    }
}

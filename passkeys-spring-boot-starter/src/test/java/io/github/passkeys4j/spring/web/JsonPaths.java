package io.github.passkeys4j.spring.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Places in a JSON document, as lists of member names and array indexes, and copies with one place changed. */
final class JsonPaths {

    private JsonPaths() {}

    /** Every value's path (member names and array indexes), depth first; the document itself first when asked. */
    static List<List<Object>> paths(JsonNode document, boolean withoutRoot) {
        List<List<Object>> paths = new ArrayList<>();
        collect(document, new ArrayList<>(), paths);
        return withoutRoot ? paths.subList(1, paths.size()) : paths;
    }

    static JsonNode at(JsonNode document, List<Object> path) {
        JsonNode node = document;
        for (Object step : path) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> into) {
        into.add(List.copyOf(path));
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                path.add(name);
                collect(node.get(name), path, into);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                collect(node.get(i), path, into);
                path.remove(path.size() - 1);
            }
        }
    }

    static JsonNode replace(JsonNode document, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = document.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    static JsonNode remove(JsonNode document, List<Object> path) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else {
            ((ArrayNode) parent).remove((int) (Integer) last);
        }
        return copy;
    }
}

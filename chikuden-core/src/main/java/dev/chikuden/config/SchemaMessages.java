package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words a schema violation for the user: the place, the field, the value as written (cut short) and what is
 * allowed there, from the subschema's {@code title} ("a list of loads"), its {@code enum}, its range
 * or, for a quantity, the unit parser's own message. An unknown key gets the keys allowed there and
 * the nearest of them as a suggestion.
 */
final class SchemaMessages {
    private static final String QUANTITIES = "quantities.schema.json";

    private SchemaMessages() {}

    static ConfigFile.Found of(ValidationMessage m, YamlDocument document) {
        JsonPointer at = ConfigSchema.pointer(m.getInstanceLocation());
        String doc = ConfigSchema.documentOf(m.getSchemaLocation());
        JsonPointer keyword = ConfigSchema.pointer(m.getSchemaLocation().getFragment());
        JsonNode schema = ConfigSchema.document(doc).at(keyword.head());
        JsonNode value = document.node(at);
        String text = "\"" + QuantityDeserializer.shortened(document.text(at)) + "\"";
        String message;
        switch (m.getType()) {
            case "required" -> {
                at = at.appendProperty(m.getProperty());
                JsonNode property = schema.path("properties").path(m.getProperty());
                message = "is required: "
                        + title(
                                doc,
                                property,
                                property.has("enum")
                                        ? "one of " + String.join(", ", values(property.get("enum")))
                                        : "a value");
            }
            case "additionalProperties" -> {
                at = at.appendProperty(m.getProperty());
                message =
                        unknown(m.getProperty(), names(schema.path("properties").fieldNames()));
                return found(document, at, document.keyPlace(at), message);
            }
            case "propertyNames" -> {
                at = at.appendProperty(m.getProperty());
                ConfigSchema.Resolved names = ConfigSchema.resolve(doc, schema.get("propertyNames"));
                message = names.node().has("enum")
                        ? unknown(m.getProperty(), values(names.node().get("enum")))
                        : "\"" + QuantityDeserializer.shortened(m.getProperty()) + "\" is not "
                                + title(names.doc(), names.node(), "an allowed key");
                return found(document, at, document.keyPlace(at), message);
            }
            case "type", "pattern" ->
                message = value.isContainerNode() || value.isNull()
                        ? "expected " + title(doc, schema, "another value") + ", found " + describe(value, document, at)
                        : quantity(doc, keyword, document.text(at))
                                .orElse(text + " is not " + title(doc, schema, byType(schema)));
            case "enum", "const" -> {
                String allowed =
                        String.join(", ", values(schema.has("enum") ? schema.get("enum") : schema.get("const")));
                message = text + " is not "
                        + (schema.has("title") ? schema.get("title").asText() + "; allowed: " : "one of ") + allowed;
            }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                message = text + " is not a number " + range(schema);
            case "minItems", "maxItems" ->
                message = (value.isEmpty() ? "the list is empty" : "has " + value.size() + " values") + "; give "
                        + title(doc, schema, "more values");
            default -> message = m.getMessage();
        }
        return found(document, at, document.place(at), message);
    }

    private static ConfigFile.Found found(YamlDocument d, JsonPointer at, YamlDocument.Place where, String message) {
        return new ConfigFile.Found(at, where.problem(ConfigNode.path(at, d.root()), message));
    }

    /** The unit parser's message for a value of a quantity's subschema, when it is one. */
    private static Optional<String> quantity(String doc, JsonPointer keyword, String text) {
        if (!doc.equals(QUANTITIES) || text == null) {
            return Optional.empty();
        }
        Dimension dimension = dimension(keyword.tail().getMatchingProperty());
        try {
            Quantities.parse(text, dimension);
            return Optional.empty();
        } catch (QuantityFormatException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The dimension a quantity's subschema is named after: {@code powerRate} is {@link Dimension#POWER_RATE}. */
    static Dimension dimension(String def) {
        return Dimension.valueOf(def.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
    }

    /** What a subschema holds: its title, its target's, else {@code fallback}. */
    private static String title(String doc, JsonNode schema, String fallback) {
        if (schema.has("title")) {
            return schema.get("title").asText();
        }
        if (schema.has("$ref")) {
            ConfigSchema.Resolved r = ConfigSchema.resolve(doc, schema);
            return title(r.doc(), r.node(), fallback);
        }
        return fallback;
    }

    private static String byType(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "number" -> "a number" + (schema.has("minimum") && schema.has("maximum") ? " " + range(schema) : "");
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "a text";
            default -> "an allowed value";
        };
    }

    private static String range(JsonNode s) {
        String low = s.has("minimum")
                ? "[" + s.get("minimum").asText()
                : s.has("exclusiveMinimum") ? "(" + s.get("exclusiveMinimum").asText() : "(-inf";
        String high = s.has("maximum")
                ? s.get("maximum").asText() + "]"
                : s.has("exclusiveMaximum") ? s.get("exclusiveMaximum").asText() + ")" : "inf)";
        return "in " + low + ", " + high;
    }

    private static String describe(JsonNode value, YamlDocument document, JsonPointer at) {
        if (value.isArray()) {
            return "a list";
        }
        return value.isObject()
                ? "a mapping"
                : value.isNull() ? "nothing" : "\"" + QuantityDeserializer.shortened(document.text(at)) + "\"";
    }

    private static String unknown(String key, List<String> allowed) {
        String hint = closest(key, allowed);
        return "unknown key \"" + QuantityDeserializer.shortened(key) + "\""
                + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " Allowed here: "
                + String.join(", ", allowed);
    }

    private static List<String> names(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        (node.isArray() ? node : List.of(node)).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The allowed key nearest {@code key} (fewer than 3 edits), or null. */
    private static String closest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

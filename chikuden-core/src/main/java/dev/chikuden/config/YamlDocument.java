package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML configuration file read into a Jackson tree that remembers where each value and each key
 * was written (file, line, column) and each scalar's text as written, so that a problem found later,
 * by the schema, the binding or a rule across fields, names the place and the value the user wrote.
 */
public final class YamlDocument {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where something was written; line and column 1-based. */
    record Place(Path file, int line, int column) {}

    private final Path file;
    private final Map<JsonPointer, Place> values = new HashMap<>();
    private final Map<JsonPointer, Place> keys = new HashMap<>();
    private final Map<JsonPointer, String> texts = new HashMap<>();
    private final List<ConfigProblem> duplicates = new ArrayList<>();
    private JsonNode root;

    private YamlDocument(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}.
     *
     * @param expected what an empty file should have held, for its message
     * @throws ConfigException for a missing file, a syntax error, a duplicate key or an empty document
     */
    public static YamlDocument read(Path file, String expected) {
        InputLimits.checkConfigFile(file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, r, expected);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "no such file")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a document from {@code reader}; problems name {@code file}. */
    public static YamlDocument read(Path file, Reader reader, String expected) {
        YamlDocument d = new YamlDocument(file);
        try (JsonParser p = YAML.createParser(reader)) {
            if (p.nextToken() == null) {
                throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "the file is empty; " + expected)));
            }
            d.root = d.node(p, JsonPointer.empty());
        } catch (StreamReadException e) {
            throw new ConfigException(List.of(syntax(file, e)));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ConfigException(List.of(new ConfigProblem(
                    file,
                    0,
                    0,
                    "",
                    "is nested or sized beyond what a configuration file may be ("
                            + e.getOriginalMessage().replaceFirst(" \\(.*", "") + ")")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!d.root.isObject()) {
            throw new ConfigException(List.of(new ConfigProblem(
                    file,
                    1,
                    1,
                    "",
                    "the file holds " + (d.root.isArray() ? "a list" : "a single value")
                            + "; expected a mapping of keys, " + expected)));
        }
        if (!d.duplicates.isEmpty()) {
            throw new ConfigException(d.duplicates);
        }
        return d;
    }

    public Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The node at {@code at}, or null. */
    JsonNode node(JsonPointer at) {
        JsonNode n = root.at(at);
        return n.isMissingNode() ? null : n;
    }

    /** Where the value at {@code at} was written, else its nearest ancestor that was. */
    Place place(JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            Place found = values.get(p);
            if (found != null) {
                return found;
            }
        }
        return new Place(file, 0, 0);
    }

    /** True when this file itself gives the value at {@code at} (not a preset merged under it, nor a default). */
    boolean writtenHere(JsonPointer at) {
        Place p = values.get(at);
        return p != null && p.file().equals(file);
    }

    /** Where the key of the member {@code at} was written, else where its value is placed. */
    Place keyPlace(JsonPointer at) {
        Place k = keys.get(at);
        return k != null ? k : place(at);
    }

    /** A scalar's text as written (a default filled in: its text), or null for none. */
    String text(JsonPointer at) {
        String t = texts.get(at);
        if (t != null) {
            return t;
        }
        JsonNode n = node(at);
        return n != null && n.isValueNode() ? n.asText() : null;
    }

    /**
     * Adds to the mapping at {@code at} every member of {@code base}'s root that it lacks, mappings in
     * both merged member by member: a preset or a tariff file under the keys the site gives itself.
     */
    void underlay(JsonPointer at, YamlDocument base) {
        merge((ObjectNode) root.at(at), at, base, JsonPointer.empty());
    }

    private void merge(ObjectNode into, JsonPointer at, YamlDocument base, JsonPointer from) {
        base.root.at(from).properties().forEach(e -> {
            JsonPointer mine = at.appendProperty(e.getKey());
            JsonPointer theirs = from.appendProperty(e.getKey());
            JsonNode own = into.get(e.getKey());
            if (own == null) {
                into.set(e.getKey(), e.getValue().deepCopy());
                base.copyPlaces(theirs, mine, this);
            } else if (own.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) own, mine, base, theirs);
            }
        });
    }

    private void copyPlaces(JsonPointer from, JsonPointer to, YamlDocument into) {
        String prefix = from.toString();
        copy(values, into.values, prefix, to);
        copy(keys, into.keys, prefix, to);
        copy(texts, into.texts, prefix, to);
    }

    private static <V> void copy(Map<JsonPointer, V> from, Map<JsonPointer, V> into, String prefix, JsonPointer to) {
        from.forEach((p, v) -> {
            String s = p.toString();
            if (s.equals(prefix) || s.startsWith(prefix + "/")) {
                into.put(JsonPointer.compile(to + s.substring(prefix.length())), v);
            }
        });
    }

    private JsonNode node(JsonParser p, JsonPointer at) throws IOException {
        values.put(at, place(p));
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonPointer member = at.appendProperty(key);
                if (o.has(key)) {
                    Place k = place(p);
                    duplicates.add(new ConfigProblem(
                            file,
                            k.line(),
                            k.column(),
                            ConfigNode.path(member, null),
                            "duplicate key; each key may appear once"));
                }
                keys.put(member, place(p));
                p.nextToken();
                o.set(key, node(p, member));
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = NODES.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(node(p, at.appendIndex(a.size())));
            }
            return a;
        }
        texts.put(at, p.getText());
        return switch (t) {
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            // YAML 1.2: only true and false are booleans; on, off, yes, no (YAML 1.1) stay words: state OFF, "off"
            case VALUE_TRUE, VALUE_FALSE ->
                p.getText().equalsIgnoreCase(String.valueOf(t == JsonToken.VALUE_TRUE))
                        ? NODES.booleanNode(t == JsonToken.VALUE_TRUE)
                        : NODES.textNode(p.getText());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }

    private Place place(JsonParser p) {
        var l = p.currentTokenLocation();
        return new Place(file, l.getLineNr(), l.getColumnNr());
    }

    private static ConfigProblem syntax(Path file, StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return new ConfigProblem(
                    file,
                    m.getProblemMark().getLine() + 1,
                    m.getProblemMark().getColumn() + 1,
                    "",
                    "not valid YAML: " + m.getProblem());
        }
        var l = e.getLocation();
        return new ConfigProblem(
                file,
                l == null ? 0 : l.getLineNr(),
                l == null ? 0 : l.getColumnNr(),
                "",
                "not valid YAML: " + e.getOriginalMessage());
    }
}

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
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
    private static final YAMLMapper YAML_OUT = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    /**
     * Where something was written; line and column 1-based, 0 when unknown. A value put in by an
     * override ({@link #override}) lies in no line of the file: {@code override} names it instead.
     */
    record Place(Path file, int line, int column, String override) {
        Place(Path file, int line, int column) {
            this(file, line, column, null);
        }

        ConfigProblem problem(String path, String message) {
            return new ConfigProblem(file, line, column, path, message, override);
        }
    }

    private final Path file;
    /** What this document's values come from when they are an override's, else null. */
    private final String override;

    private final Map<JsonPointer, Place> values = new HashMap<>();
    private final Map<JsonPointer, Place> keys = new HashMap<>();
    private final Map<JsonPointer, String> texts = new HashMap<>();
    private final List<ConfigProblem> duplicates = new ArrayList<>();
    private JsonNode root;

    private YamlDocument(Path file, String override) {
        this.file = file;
        this.override = override;
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
        YamlDocument d = new YamlDocument(file, null);
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

    /**
     * Puts {@code value}, YAML text, at {@code path} in place of what is there, or as a new key of a
     * mapping (missing mappings on the way are made). Problems found later in the value are placed at
     * {@code override}, which names where it comes from, not at a line of this file.
     *
     * @return null, or why the value cannot go there
     */
    String override(FieldPath path, String value, String override) {
        JsonNode node = root;
        JsonPointer at = JsonPointer.empty();
        List<FieldPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size(); i++) {
            FieldPath.Step s = steps.get(i);
            JsonPointer parent = at;
            if (s.isIndex()) {
                if (!(node instanceof ArrayNode a)) {
                    return where(parent) + " " + describe(node) + ", not a list";
                }
                if (s.index() >= a.size()) {
                    return where(parent) + " has " + a.size() + (a.size() == 1 ? " item" : " items")
                            + (a.isEmpty() ? "" : " ([0] to [" + (a.size() - 1) + "])") + ", no [" + s.index()
                            + "]; an override replaces an item, it cannot add one";
                }
                at = at.appendIndex(s.index());
            } else {
                if (!(node instanceof ObjectNode o)) {
                    return where(parent) + " " + describe(node) + ", not a mapping of keys";
                }
                at = at.appendProperty(s.key());
                if (i < steps.size() - 1
                        && !o.hasNonNull(s.key())
                        && steps.get(i + 1).isIndex()) {
                    return ConfigNode.path(at, root) + " is not in the file; an override replaces a list's item, "
                            + "it cannot make the list";
                }
                if (i < steps.size() - 1 && !o.hasNonNull(s.key())) {
                    o.putObject(s.key()); // a new mapping on the way to a new key
                    values.put(at, new Place(file, 0, 0, override));
                }
            }
            node = root.at(at);
        }
        YamlDocument part = new YamlDocument(file, override);
        JsonNode replacement;
        try (JsonParser p = YAML.createParser(value)) {
            replacement = p.nextToken() == null ? NODES.nullNode() : part.node(p, at);
        } catch (StreamReadException e) {
            return "\"" + value + "\" is not a YAML value: "
                    + syntax(file, e).message().replaceFirst("^not valid YAML: ", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!part.duplicates.isEmpty()) {
            return "\"" + value + "\" gives a key twice; each key may appear once";
        }
        JsonPointer target = at;
        values.keySet().removeIf(p -> ConfigFile.within(p, target));
        keys.keySet().removeIf(p -> ConfigFile.within(p, target) && !p.equals(target)); // its own key stays
        texts.keySet().removeIf(p -> ConfigFile.within(p, target));
        values.putAll(part.values);
        keys.putAll(part.keys);
        texts.putAll(part.texts);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ObjectNode o) {
            o.set(at.last().getMatchingProperty(), replacement);
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), replacement);
        }
        return null;
    }

    private String where(JsonPointer at) {
        return at.matches() ? "the file" : ConfigNode.path(at, root);
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "is a list";
        }
        if (node.isObject()) {
            return "is a mapping";
        }
        return node.isNull() ? "is empty" : "is a single value (" + node.asText() + ")";
    }

    /** The document as block YAML, comments and the places of values dropped. */
    String yaml() {
        try {
            return YAML_OUT.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (override != null) {
            return new Place(file, 0, 0, override);
        }
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

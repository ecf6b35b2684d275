package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON Schema (draft 2020-12) of a configuration file, shipped in the jar beside the copy in the
 * repository's {@code schemas/}: editors complete and check files with it, and the readers check
 * every file's structure with it (networknt's validator) before binding. Its {@code title}s are the
 * nouns the problems use ("is required: a list of loads"), its {@code default}s are filled in before
 * binding.
 */
public final class ConfigSchema {
    /** Where the schemas lie on the class path. */
    public static final String RESOURCES = "dev/chikuden/config/schemas/";
    /** Every schema file, as {@code chikuden schemas} writes them out. */
    public static final List<String> FILES = List.of(
            "site.schema.json",
            "sweep.schema.json",
            "fleet.schema.json",
            "register-map.schema.json",
            "grid-code-rules.schema.json",
            "quantities.schema.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, ConfigSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<JsonNode, JsonSchema> CONDITIONS = new ConcurrentHashMap<>();

    private final String file;
    private final JsonSchema schema;

    private ConfigSchema(String file) {
        this.file = file;
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + RESOURCES + file), config);
    }

    /** The schema {@code file} of {@link #FILES}, read once. */
    public static ConfigSchema of(String file) {
        return SCHEMAS.computeIfAbsent(file, ConfigSchema::new);
    }

    /** Every way {@code document} breaks the schema, one problem a value, worded for the user. */
    List<ConfigFile.Found> violations(YamlDocument document) {
        List<ConfigFile.Found> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(document.root())) {
            ConfigFile.Found f = SchemaMessages.of(m, document);
            if (out.stream().noneMatch(o -> o.at().equals(f.at()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Removes the values at {@code bad} (a list item becomes null, keeping the indices of the others). */
    void dropBadValues(YamlDocument document, List<JsonPointer> bad) {
        for (JsonPointer p : bad) {
            JsonNode parent = document.node(p.head());
            if (parent instanceof ObjectNode o) {
                o.remove(p.last().getMatchingProperty());
            } else if (parent instanceof ArrayNode a && p.last().getMatchingIndex() < a.size()) {
                a.set(p.last().getMatchingIndex(), NullNode.getInstance());
            }
        }
    }

    /** Adds every default the schema gives for a key the document leaves out, in every mapping present. */
    void fillDefaults(JsonNode root) {
        fill(file, document(file), root);
    }

    private static void fill(String doc, JsonNode schema, JsonNode node) {
        Resolved s = resolve(doc, schema);
        if (node instanceof ObjectNode o) {
            s.node.path("properties").properties().forEach(e -> {
                JsonNode fallback = e.getValue().has("default")
                        ? e.getValue().get("default")
                        : resolve(s.doc, e.getValue()).node.get("default");
                if (!o.has(e.getKey()) && fallback != null) {
                    o.set(e.getKey(), fallback.deepCopy());
                }
                if (o.hasNonNull(e.getKey())) {
                    fill(s.doc, e.getValue(), o.get(e.getKey()));
                }
            });
        } else if (node instanceof ArrayNode a && s.node.has("items")) {
            a.forEach(item -> fill(s.doc, s.node.get("items"), item));
        }
        s.node.path("allOf").forEach(branch -> fill(s.doc, branch, node));
        if (s.node.has("if")) {
            String branch = holds(s.node.get("if"), node) ? "then" : "else";
            if (s.node.has(branch)) {
                fill(s.doc, s.node.get(branch), node);
            }
        }
    }

    /** Whether a condition ({@code if}: a type, a pattern, a property's {@code const}) holds for {@code node}. */
    private static boolean holds(JsonNode condition, JsonNode node) {
        return CONDITIONS
                .computeIfAbsent(condition, c -> FACTORY.getSchema(c))
                .validate(node)
                .isEmpty();
    }

    /** A subschema, its {@code $ref} followed, with the file it lies in. */
    record Resolved(String doc, JsonNode node) {}

    static Resolved resolve(String doc, JsonNode schema) {
        if (!schema.has("$ref")) {
            return new Resolved(doc, schema);
        }
        String ref = schema.get("$ref").asText();
        int hash = ref.indexOf('#');
        String target = hash == 0 ? doc : ref.substring(0, hash < 0 ? ref.length() : hash);
        JsonNode root = document(target);
        return resolve(target, hash < 0 ? root : root.at(ref.substring(hash + 1)));
    }

    /** A schema file, parsed once. */
    static JsonNode document(String name) {
        return DOCUMENTS.computeIfAbsent(name, n -> {
            try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(RESOURCES + n)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + RESOURCES + n + " is missing from the build");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The file of a schema location such as {@code classpath:.../site.schema.json}. */
    static String documentOf(SchemaLocation location) {
        String iri = location.getAbsoluteIri().toString();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    static JsonPointer pointer(JsonNodePath path) {
        JsonPointer p = JsonPointer.empty();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            p = e instanceof Integer index ? p.appendIndex(index) : p.appendProperty(e.toString());
        }
        return p;
    }
}

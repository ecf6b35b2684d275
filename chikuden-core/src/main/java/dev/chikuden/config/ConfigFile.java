package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.chikuden.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A configuration file being read, and every problem found in it, located. A reader checks the
 * document against its schema ({@link #check}), binds it to records ({@link #bind}), applies its
 * rules across fields through {@link ConfigNode}s and ends with {@link #throwIfAny()}: the user gets
 * every problem of the file at once, in file order.
 */
public final class ConfigFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule()
                    .addDeserializer(Double.class, new QuantityDeserializer(Double.class))
                    .addDeserializer(double.class, new QuantityDeserializer(double.class)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // the schema names unknown keys

    /** A problem and the value it is about. */
    record Found(JsonPointer at, ConfigProblem problem) {}

    private final YamlDocument document;
    private final List<Found> found = new ArrayList<>();
    private final List<ConfigProblem> remarks = new ArrayList<>();
    private final Set<Path> named = new LinkedHashSet<>();

    ConfigFile(YamlDocument document, List<Found> found) {
        this.document = document;
        this.found.addAll(found);
    }

    /** @param expected what an empty file should have held, for its message */
    public static ConfigFile read(Path file, String expected) {
        return new ConfigFile(YamlDocument.read(file, expected), List.of());
    }

    public static ConfigFile read(Path file, Reader reader, String expected) {
        return new ConfigFile(YamlDocument.read(file, reader, expected), List.of());
    }

    public YamlDocument document() {
        return document;
    }

    /** The files the document's values name ({@link ConfigNode#file}), in the order they were met. */
    public List<Path> filesNamed() {
        return List.copyOf(named);
    }

    void named(Path file) {
        named.add(file);
    }

    public ConfigNode root() {
        return new ConfigNode(this, JsonPointer.empty());
    }

    /** The node at a JSON pointer such as {@code /ems/devices}. */
    public ConfigNode at(String pointer) {
        return new ConfigNode(this, JsonPointer.compile(pointer));
    }

    /**
     * Puts {@code value}, YAML text, at {@code path} before the document is checked, in place of what the
     * file has there (or as a new key); a problem with it, now or later, is placed at {@code override},
     * which names where it comes from, e.g. {@code --set batteries[0].energy=abc}.
     */
    public void override(String path, String value, String override) {
        String problem;
        try {
            problem = document.override(FieldPath.parse(path), value, override);
        } catch (BadInputException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            add(JsonPointer.empty(), new YamlDocument.Place(document.file(), 0, 0, override), path, problem);
        }
    }

    /** The document as YAML, as it stands (overrides applied; presets and defaults once checked). */
    public String yaml() {
        return document.yaml();
    }

    /**
     * Records every way the document breaks {@code schema}, then drops the values that broke it and
     * fills in the schema's defaults, so that binding meets only well-formed values.
     */
    public void check(ConfigSchema schema) {
        found.addAll(schema.violations(document));
        schema.dropBadValues(document, found.stream().map(Found::at).toList());
        schema.fillDefaults(document.root());
    }

    /**
     * The value at {@code at} as a {@code type} record: quantities parsed and range-checked by
     * {@link Quantity}, a value out of range recorded as a problem. Call after {@link #check}.
     */
    <T> T bind(ConfigNode at, Class<T> type) {
        try {
            return MAPPER.readerFor(type).withAttribute(ConfigNode.class, at).readValue(document.node(at.pointer()));
        } catch (JsonMappingException e) {
            // the schema lets through only what binds: a value it cannot tell (February 30th) lands here
            ConfigNode where = at.resolve(e.getPath());
            where.problem("\"" + where.text() + "\" cannot be read: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(JsonPointer at, YamlDocument.Place where, String path, String message) {
        found.add(new Found(at, where.problem(path, message)));
    }

    void remark(ConfigProblem remark) {
        remarks.add(remark);
    }

    /** The values read as given that look wrong (see {@link ConfigNode#note}), in the order met. */
    public List<ConfigProblem> remarks() {
        return List.copyOf(remarks);
    }

    /** True when no problem lies at or below {@code at}. */
    boolean clean(JsonPointer at) {
        return found.stream().noneMatch(f -> within(f.at(), at));
    }

    /** True when {@code p} is {@code at} or lies below it. */
    static boolean within(JsonPointer p, JsonPointer at) {
        String s = p.toString();
        String prefix = at.toString();
        return s.equals(prefix) || s.startsWith(prefix + "/");
    }

    /**
     * Moves the problems at and below {@code at} out of this file into a section that another reader
     * takes over (the live service's {@code ems:}), so this file's reader leaves them to it.
     */
    public ConfigSection section(String at) {
        JsonPointer p = JsonPointer.compile(at);
        List<Found> inside = found.stream().filter(f -> within(f.at(), p)).toList();
        found.removeAll(inside);
        return new ConfigSection(document, p, inside);
    }

    /** Every problem, in file order. */
    public List<ConfigProblem> problems() {
        // a preset's or a tariff file's problems after those of the file itself
        return found.stream()
                .map(Found::problem)
                .sorted(Comparator.comparing((ConfigProblem p) -> !p.file().equals(document.file()))
                        .thenComparingInt(ConfigProblem::line)
                        .thenComparingInt(ConfigProblem::column))
                .toList();
    }

    /** @throws ConfigException listing every problem, when there is any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(problems());
        }
    }
}

package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One value of a configuration file, by its place in the document (present or not): what the user
 * wrote there and where, for a rule across fields to report a problem the way the schema does.
 */
public final class ConfigNode {
    private final ConfigFile file;
    private final JsonPointer at;

    ConfigNode(ConfigFile file, JsonPointer at) {
        this.file = file;
        this.at = at;
    }

    public ConfigNode get(String key) {
        return new ConfigNode(file, at.appendProperty(key));
    }

    public ConfigNode get(int index) {
        return new ConfigNode(file, at.appendIndex(index));
    }

    /** The node {@code relative} leads to from here. */
    ConfigNode below(JsonPointer relative) {
        return new ConfigNode(file, at.append(relative));
    }

    JsonPointer pointer() {
        return at;
    }

    /** The file the document was read from; relative paths in it resolve against its folder. */
    public Path source() {
        return file.document().file();
    }

    /**
     * The file {@code name} (a value of this document) names, resolved against the document's folder;
     * the document keeps it among the {@link ConfigFile#filesNamed files it names}, so whatever was
     * computed from the document can tell when one of them changed.
     */
    public Path file(String name) {
        Path path = source().toAbsolutePath().getParent().resolve(name).normalize();
        file.named(path);
        return path;
    }

    /** This value as a {@code type} record (quantities parsed by {@link Quantity}), null when it cannot be. */
    public <T> T bind(Class<T> type) {
        return file.bind(this, type);
    }

    /** True when the file gives this value (or a preset or a default filled it in). */
    public boolean given() {
        return file.document().node(at) != null;
    }

    /** True when the file itself gives this value, not a preset under it nor a default. */
    public boolean writtenHere() {
        return file.document().writtenHere(at);
    }

    /** Puts {@code base}'s members under this mapping's own: a preset under the keys the site gives itself. */
    public void underlay(YamlDocument base) {
        file.document().underlay(at, base);
    }

    /** The value as written (a scalar's text), or "" when absent. */
    public String text() {
        String t = file.document().text(at);
        return t == null ? "" : t;
    }

    /** The line this value was written on (its parent's when absent), 0 when unknown. */
    public int line() {
        return file.document().place(at).line();
    }

    /** The field path users read, e.g. {@code batteries[0].soc.min}. */
    public String path() {
        return path(at, file.document().root());
    }

    /** Records a problem with this value, located at it (or where its parent is when it is absent). */
    public void problem(String message) {
        problem(message, this);
    }

    /** Records a problem with this value, located where {@code place} was written: the value it comes from. */
    public void problem(String message, ConfigNode place) {
        file.add(at, file.document().place(place.at), path(), message);
    }

    /**
     * A note about this value, located like a problem (at the value when this file gives it, else at
     * the nearest mapping it gives) but not one: a value used as given that looks wrong.
     */
    public ConfigProblem remark(String message) {
        JsonPointer where = at;
        while (!where.matches() && !file.document().writtenHere(where)) {
            where = where.head();
        }
        YamlDocument.Place p = file.document().place(where);
        return p.problem(path(), message);
    }

    /** Records {@link #remark} with the file, which lists it among its {@link ConfigFile#remarks}. */
    public void note(String message) {
        file.remark(remark(message));
    }

    /** True when no problem was found at or below this value: a rule across its fields can rely on them. */
    public boolean clean() {
        return file.clean(at);
    }

    /** The node a binding problem's path leads to from here. */
    ConfigNode resolve(List<JsonMappingException.Reference> path) {
        ConfigNode n = this;
        for (JsonMappingException.Reference r : path) {
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        return n;
    }

    /** {@code /batteries/0/soc} as {@code batteries[0].soc}; a number is an index where {@code root} has a list. */
    static String path(JsonPointer at, JsonNode root) {
        StringBuilder sb = new StringBuilder();
        JsonPointer parent = JsonPointer.empty();
        for (JsonPointer p = at; !p.matches(); p = p.tail()) {
            JsonNode container = root == null ? null : root.at(parent);
            boolean index = p.getMatchingIndex() >= 0 && (container == null || !container.isObject());
            if (index) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
            parent = parent.append(JsonPointer.compile("/" + escape(p.getMatchingProperty())));
        }
        return sb.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}

package dev.chikuden.site;

import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML mapping of a configuration file, field by field, recording every problem (with
 * line, column and field path) instead of stopping at the first. The keys a reader asks for are
 * the keys allowed; {@link #finish()} reports any other key present, with a suggestion.
 * Getters return a fallback after recording a problem, so reading can go on. Public for the other
 * configuration readers of the core (grid-code rules).
 */
public final class YamlMap {
    private final Path file;
    private final List<ConfigProblem> problems;
    private final String path;
    private final Node node;
    private final YamlMap fallback;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    public YamlMap(Path file, List<ConfigProblem> problems, String path, Node node) {
        this(file, problems, path, node, null);
    }

    /**
     * @param fallback where keys absent here are looked up (a preset shipped as data); null for none
     */
    YamlMap(Path file, List<ConfigProblem> problems, String path, Node node, YamlMap fallback) {
        this.file = file;
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.fallback = fallback;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    problem(t.getKeyNode(), path, "a key must be a plain name");
                } else if (entries.containsKey(key)) {
                    problem(t.getKeyNode(), at(key), "duplicate key; each key may appear once");
                } else {
                    entries.put(key, t);
                }
            }
        } else if (node != null) {
            problem(node, path, "expected a mapping of keys to values, found " + describe(node));
        }
    }

    public String path() {
        return path;
    }

    Node node() {
        return node;
    }

    public boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key) || (fallback != null && fallback.has(key));
    }

    /** True when the key is given here, not only by the fallback. */
    boolean hasOwn(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    /** The value node of {@code key} (here, else in the fallback), or null when absent. */
    public Node raw(String key) {
        asked.add(key);
        NodeTuple t = entries.get(key);
        if (t == null) {
            return fallback == null ? null : fallback.raw(key);
        }
        return t.getValueNode();
    }

    public String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A scalar's text, or {@code fallback} when absent (null fallback: required). */
    public String text(String key, String fallback) {
        Node n = raw(key);
        if (n == null) {
            if (fallback == null) {
                missing(key, "a value");
            }
            return fallback;
        }
        if (!(n instanceof ScalarNode s)) {
            problem(n, at(key), "expected a single value, found " + describe(n));
            return fallback;
        }
        return s.getValue();
    }

    /** A quantity in base units; NaN fallback means required; problems give {@code onError}. */
    public double quantity(String key, Dimension dimension, double fallback) {
        Node n = raw(key);
        if (n == null) {
            if (Double.isNaN(fallback)) {
                missing(key, dimension.describe());
            }
            return fallback;
        }
        if (!(n instanceof ScalarNode s)) {
            problem(n, at(key), "expected " + dimension.describe() + ", found " + describe(n));
            return Double.NaN;
        }
        try {
            return Quantities.parse(s.getValue(), dimension);
        } catch (QuantityFormatException e) {
            problem(n, at(key), e.getMessage());
            return Double.NaN;
        }
    }

    /** A quantity that must be {@code > 0} (strict) or {@code >= 0}. */
    public double positive(String key, Dimension dimension, double fallback, boolean strict) {
        double v = quantity(key, dimension, fallback);
        if (!Double.isNaN(v) && (strict ? v <= 0 : v < 0) && raw(key) != null) {
            problem(raw(key), at(key), "\"" + ((ScalarNode) raw(key)).getValue() + "\" must be "
                    + (strict ? "greater than 0" : "0 or more"));
            return Double.NaN;
        }
        return v;
    }

    /** A fraction in [lo, hi] (or (0, hi] when {@code openLow}); "95 %" or 0.95. */
    public double fraction(String key, double fallback, double lo, double hi, boolean openLow, String meaning) {
        double v = quantity(key, Dimension.FRACTION, fallback);
        if (!Double.isNaN(v) && (v > hi || v < lo || (openLow && v == lo)) && raw(key) != null) {
            String range = (openLow ? "(" : "[") + fmt(lo) + ", " + fmt(hi) + "]";
            problem(raw(key), at(key), "\"" + ((ScalarNode) raw(key)).getValue() + "\" is outside " + range
                    + "; " + meaning + " is a fraction such as \"95 %\" or 0.95");
            return Double.NaN;
        }
        return v;
    }

    /** A plain number in [min, max]. */
    public double number(String key, double fallback, double min, double max) {
        String t = text(key, Double.isNaN(fallback) ? null : "");
        if (t == null || t.isEmpty()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(t.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(raw(key), at(key), "\"" + t + "\" is not a number in [" + fmt(min) + ", " + fmt(max) + "]");
        return Double.NaN;
    }

    public boolean bool(String key, boolean fallback) {
        String t = text(key, Boolean.toString(fallback));
        if ("true".equals(t) || "false".equals(t)) {
            return Boolean.parseBoolean(t);
        }
        problem(raw(key), at(key), "\"" + t + "\" is not true or false");
        return fallback;
    }

    /** One of {@code allowed} (lower case), or {@code fallback} when absent. */
    String choice(String key, String fallback, List<String> allowed) {
        String t = text(key, fallback);
        if (t == null || allowed.contains(t)) {
            return t;
        }
        problem(raw(key), at(key), "\"" + t + "\" is not one of " + String.join(", ", allowed));
        return null;
    }

    /** A nested mapping; an empty reader when absent. */
    public YamlMap map(String key) {
        asked.add(key);
        NodeTuple own = entries.get(key);
        YamlMap nestedFallback = fallback == null ? null : fallback.map(key);
        return new YamlMap(file, problems, at(key), own == null ? null : own.getValueNode(), nestedFallback);
    }

    /**
     * A table of points {@code [[x, y], ...]} with x strictly increasing, each a quantity; null when
     * absent or bad (the problem is recorded).
     */
    double[][] points(String key, Dimension xDimension, Dimension yDimension) {
        double[][] out = rows(key, "points such as [[90 %, 100 %], [100 %, 30 %]]", xDimension, yDimension);
        if (out == null) {
            return null;
        }
        SequenceNode seq = (SequenceNode) raw(key);
        for (int i = 1; i < out[0].length; i++) {
            if (!(out[0][i] > out[0][i - 1])) {
                Node item = seq.getValue().get(i);
                problem(item, at(key) + "[" + i + "]", "x values must increase: \""
                        + ((ScalarNode) ((SequenceNode) item).getValue().get(0)).getValue()
                        + "\" does not come after the point before");
                return null;
            }
        }
        return out;
    }

    /**
     * A table of rows {@code [[a, b, ...], ...]}, one quantity per column; returns the columns, or
     * null when absent or bad (the problem is recorded).
     */
    double[][] rows(String key, String example, Dimension... columns) {
        Node n = raw(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(n, at(key), "expected a list of " + example + ", found " + describe(n));
            return null;
        }
        double[][] out = new double[columns.length][seq.getValue().size()];
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (!(item instanceof SequenceNode row) || row.getValue().size() != columns.length
                    || !row.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                problem(item, at(key) + "[" + i + "]", "expected a row of " + columns.length + " values, found "
                        + describe(item));
                return null;
            }
            for (int c = 0; c < columns.length; c++) {
                try {
                    out[c][i] = Quantities.parse(((ScalarNode) row.getValue().get(c)).getValue(), columns[c]);
                } catch (QuantityFormatException e) {
                    problem(item, at(key) + "[" + i + "]", e.getMessage());
                    return null;
                }
            }
        }
        return out;
    }

    /** A list of quantities such as {@code [10 MW, 20 MW]} in base units, or null when absent or bad. */
    double[] quantities(String key, Dimension dimension) {
        Node n = raw(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(n, at(key), "expected a list of " + dimension.describe() + ", found " + describe(n));
            return null;
        }
        double[] out = new double[seq.getValue().size()];
        for (int i = 0; i < out.length; i++) {
            Node item = seq.getValue().get(i);
            try {
                if (!(item instanceof ScalarNode sc)) {
                    throw new QuantityFormatException("expected " + dimension.describe() + ", found " + describe(item));
                }
                out[i] = Quantities.parse(sc.getValue(), dimension);
            } catch (QuantityFormatException e) {
                problem(item, at(key) + "[" + i + "]", e.getMessage());
                return null;
            }
        }
        return out;
    }

    /** A list of plain numbers, or null when absent. */
    double[] numbers(String key) {
        Node n = raw(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq)) {
            problem(n, at(key), "expected a list of numbers, found " + describe(n));
            return null;
        }
        double[] out = new double[seq.getValue().size()];
        for (int i = 0; i < out.length; i++) {
            Node item = seq.getValue().get(i);
            try {
                out[i] = Double.parseDouble(((ScalarNode) item).getValue());
            } catch (ClassCastException | NumberFormatException e) {
                problem(item, at(key) + "[" + i + "]", "expected a number, found " + describe(item));
                return null;
            }
        }
        return out;
    }

    /** The mappings of a list; {@code required} reports an absent or empty list. */
    public List<YamlMap> maps(String key, boolean required, String what) {
        Node n = raw(key);
        List<YamlMap> out = new ArrayList<>();
        if (n == null) {
            if (required) {
                missing(key, "a list of " + what);
            }
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            problem(n, at(key), "expected a list of " + what + " (items starting with \"- \"), found " + describe(n));
            return out;
        }
        if (seq.getValue().isEmpty() && required) {
            problem(n, at(key), "the list is empty; at least one of " + what + " is needed");
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlMap(file, problems, at(key) + "[" + i + "]", seq.getValue().get(i)));
        }
        return out;
    }

    /** Reports the keys present that nobody asked for. Call after reading every field. */
    public void finish() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                String hint = closest(e.getKey());
                problem(e.getValue().getKeyNode(), at(e.getKey()), "unknown key \"" + e.getKey() + "\""
                        + (hint == null ? "" : "; did you mean \"" + hint + "\"?")
                        + " Allowed here: " + String.join(", ", asked));
            }
        }
    }

    public void problem(Node at, String fieldPath, String message) {
        Node where = at != null ? at : node;
        int line = where == null ? 0 : where.getStartMark().getLine() + 1;
        int column = where == null ? 0 : where.getStartMark().getColumn() + 1;
        problems.add(new ConfigProblem(file, line, column, fieldPath, message));
    }

    /**
     * A remark about a key's value, located as a problem would be (at the value when this file gives
     * it, else at this mapping) but not recorded as one: for a value that is read, yet worth a second look.
     */
    ConfigProblem remark(String key, String message) {
        NodeTuple own = entries.get(key);
        Node where = own != null ? own.getValueNode() : node;
        return new ConfigProblem(file, where == null ? 0 : where.getStartMark().getLine() + 1,
                where == null ? 0 : where.getStartMark().getColumn() + 1, at(key), message);
    }

    /** A problem about a key's value, located at the value (or at this mapping when absent). */
    public void problem(String key, String message) {
        problem(raw(key), at(key), message);
    }

    private void missing(String key, String expected) {
        if (node == null) {
            return; // the whole section is absent: its parent reports that, once
        }
        problem(node, at(key), "is required: " + expected);
    }

    private String closest(String key) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : asked) {
            int d = distance(key.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance, for "did you mean". */
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

    static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return "\"" + s.getValue() + "\"";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

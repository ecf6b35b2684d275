package dev.chikuden.scenario.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigSchema;
import dev.chikuden.config.FieldPath;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.site.SiteOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a sweep file (checked against {@code sweep.schema.json}, every problem located) into its
 * scenarios: a full grid (the first axis varies slowest), a list of cases, or random samples drawn
 * from a seed. Each scenario's site is read by whoever runs it, so a bad value fails that scenario
 * only; the first one is read here, so that a sweep broken throughout fails before it starts.
 */
public final class SweepReader {
    /** The most scenarios a sweep may make. */
    public static final int MAX_SCENARIOS = 100_000;

    private static final ConfigSchema SCHEMA = ConfigSchema.of("sweep.schema.json");
    private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d{1,15})\\s*\\.\\.\\s*(-?\\d{1,15})\\s*");
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S.*?)?\\s*");
    private static final MathContext SIGNIFICANT = new MathContext(4);

    /** One value of an axis: as the results show it, as its override writes it, where it comes from. */
    record Value(String shown, String yaml, String origin) {}

    /** An axis as read, with its values (a sample axis: those to draw from, or none for {from, to}). */
    private record Read(Axis axis, List<Value> values, Draw draw) {}

    /** How a sample axis draws a value. */
    private interface Draw {
        Value next(SplittableRandom random);
    }

    private final ConfigFile file;
    private final String where;

    private SweepReader(ConfigFile file, Path path) {
        this.file = file;
        this.where = path.toString();
    }

    /**
     * Reads {@code path}.
     *
     * @param sets the command line's {@code --set}, applied after the sweep's {@code set} and before
     *             each scenario's axis values
     * @throws BadInputException for any problem of the sweep file, or of its base site file (with the
     *     overrides every scenario shares) when the first scenario fails too
     */
    public static Sweep read(Path path, List<SiteOverride> sets) {
        ConfigFile f = ConfigFile.read(path, "a sweep needs site and one of grid, cases or sample");
        f.check(SCHEMA);
        f.throwIfAny();
        return new SweepReader(f, path).sweep(path, sets);
    }

    private Sweep sweep(Path path, List<SiteOverride> sets) {
        ConfigNode root = file.root();
        JsonNode tree = root.bind(JsonNode.class);
        List<String> kinds =
                Stream.of("grid", "cases", "sample").filter(tree::has).toList();
        if (kinds.size() != 1) {
            root.problem((kinds.isEmpty() ? "has none" : "has " + String.join(" and ", kinds))
                    + " of grid, cases and sample; give exactly one");
            file.throwIfAny();
        }
        Path site = path.toAbsolutePath()
                .getParent()
                .resolve(tree.get("site").asText())
                .normalize();
        if (!Files.isRegularFile(site)) {
            root.get("site").problem("\"" + tree.get("site").asText() + "\" does not exist (looked for " + site + ")");
        }
        List<SiteOverride> common = new ArrayList<>();
        ConfigNode set = root.get("set");
        for (String key : keys(tree.get("set"))) {
            if (checkPath(set.get(key), key)) {
                Value v = value(set.get(key), tree.get("set").get(key), "set");
                common.add(new SiteOverride(key, v.yaml(), v.origin()));
            }
        }
        common.addAll(sets);
        List<Read> axes = switch (kinds.get(0)) {
            case "grid" -> axes(root.get("grid"), tree.get("grid"), false);
            case "cases" -> cases(root.get("cases"), tree.get("cases"));
            default -> axes(root.get("sample").get("axes"), tree.get("sample").get("axes"), true);
        };
        checkColumns(axes, root.get(kinds.get(0)));
        file.throwIfAny();
        List<List<Value>> rows = switch (kinds.get(0)) {
            case "grid" -> grid(axes, root.get("grid"));
            case "cases" -> casesRows(root.get("cases"), tree.get("cases"), axes);
            default -> sample(axes, tree.get("sample"));
        };
        file.throwIfAny();
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<SiteOverride> overrides = new ArrayList<>(common);
            List<Value> row = rows.get(i);
            for (int a = 0; a < axes.size(); a++) {
                overrides.add(new SiteOverride(
                        axes.get(a).axis().path(), row.get(a).yaml(), row.get(a).origin()));
            }
            scenarios.add(new Scenario(
                    i,
                    "s" + i, // not padded: a sweep grown by cases keeps its ids, and so its rows
                    row.stream().map(Value::shown).toList(),
                    overrides));
        }
        String name = tree.hasNonNull("name")
                ? tree.get("name").asText()
                : path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ScenarioKind run = ScenarioKind.of(tree.get("run").asText());
        Sweep sweep = new Sweep(
                name,
                path,
                site,
                run,
                axes.stream().map(Read::axis).toList(),
                scenarios,
                tree.get("series").asBoolean(),
                settings(site, run, common));
        SiteConfig shared = null;
        try {
            shared = SiteConfigReader.read(site, common); // a sweep broken throughout fails now
        } catch (BadInputException base) {
            // the axes may complete what the base leaves out: refused only when its first scenario
            // fails too, and a bad axis value fails its own scenario, wherever it stands
            try {
                SiteConfigReader.read(site, scenarios.get(0).overrides());
            } catch (BadInputException first) {
                throw base;
            }
        }
        boolean batteryAxis = axes.stream().anyMatch(a -> a.axis().path().startsWith("batteries"));
        if (shared != null && run != ScenarioKind.PLAN && shared.batteries().isEmpty() && !batteryAxis) {
            throw new BadInputException(path + ": run: " + run.id() + " dispatches a battery, and the site (with"
                    + " set and --set) has none, nor does an axis give one: every scenario would fail");
        }
        return sweep;
    }

    /**
     * {@link Sweep#settings}: a digest of the command and the base site with the overrides all
     * scenarios share, as the YAML they make (so a comment edited, or a {@code --set} that repeats the
     * sweep's {@code set}, changes nothing); of the file's text and the overrides where those do not
     * apply to it as written (an axis may complete them).
     */
    private static String settings(Path site, ScenarioKind run, List<SiteOverride> common) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("run " + run + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                d.update(SiteConfigReader.overriddenYaml(site, common).getBytes(StandardCharsets.UTF_8));
            } catch (BadInputException e) {
                d.update(Files.readAllBytes(site));
                for (SiteOverride o : common) {
                    d.update(("\nset " + o.path() + "=" + o.value()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + site, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The axes of a grid or of a sample, in file order. */
    private List<Read> axes(ConfigNode at, JsonNode tree, boolean sample) {
        List<Read> axes = new ArrayList<>();
        for (String path : keys(tree)) {
            ConfigNode a = at.get(path);
            JsonNode n = tree.get(path);
            String column = Axis.column(path);
            ConfigNode values = a;
            JsonNode v = n;
            if (n.isObject()) {
                column = n.hasNonNull("name") ? n.get("name").asText() : column;
                if (n.has("from") || n.has("to")) {
                    if (!sample || n.has("values") || !n.has("from") || !n.has("to")) {
                        a.problem(
                                sample
                                        ? "give either values or both from and to"
                                        : "from and to draw random values, in sample; a grid axis lists its values or a range such as 1..10");
                        continue;
                    }
                    Draw d = uniform(a, n);
                    if (checkPath(a, path) && d != null) {
                        axes.add(new Read(new Axis(path, column), List.of(), d));
                    }
                    continue;
                }
                if (!n.has("values")) {
                    a.problem("gives no values; write a list, a range such as 1..10" + (sample ? ", {from, to}" : "")
                            + " or {values, name}");
                    continue;
                }
                values = a.get("values");
                v = n.get("values");
            }
            List<Value> list = values(values, v, path);
            if (checkPath(a, path) && list != null) {
                axes.add(new Read(new Axis(path, column), list, r -> list.get(r.nextInt(list.size()))));
            }
        }
        return axes;
    }

    /** The axes of a list of cases: the first case's keys. */
    private List<Read> cases(ConfigNode at, JsonNode tree) {
        List<Read> axes = new ArrayList<>();
        for (String path : keys(tree.get(0))) {
            if (checkPath(at.get(0).get(path), path)) {
                axes.add(new Read(new Axis(path, Axis.column(path)), List.of(), null));
            }
        }
        return axes;
    }

    private List<List<Value>> casesRows(ConfigNode at, JsonNode tree, List<Read> axes) {
        List<String> paths = axes.stream().map(r -> r.axis().path()).toList();
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            List<String> keys = keys(tree.get(i));
            if (!new java.util.HashSet<>(keys).equals(new java.util.HashSet<>(paths))) {
                List<String> missing =
                        paths.stream().filter(p -> !keys.contains(p)).toList();
                List<String> extra =
                        keys.stream().filter(k -> !paths.contains(k)).toList();
                at.get(i)
                        .problem((missing.isEmpty() ? "" : "lacks " + String.join(", ", missing))
                                + (missing.isEmpty() || extra.isEmpty() ? "" : " and ")
                                + (extra.isEmpty() ? "" : "names " + String.join(", ", extra))
                                + "; every case names the keys of the first: " + String.join(", ", paths));
                continue;
            }
            List<Value> row = new ArrayList<>();
            for (String p : paths) {
                row.add(value(at.get(i).get(p), tree.get(i).get(p), "case " + (i + 1)));
            }
            rows.add(row);
        }
        if (rows.size() > MAX_SCENARIOS) {
            at.problem("has " + rows.size() + " cases; a sweep makes at most " + MAX_SCENARIOS + " scenarios");
        }
        return rows;
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    private List<List<Value>> grid(List<Read> axes, ConfigNode at) {
        BigInteger count = BigInteger.ONE;
        for (Read r : axes) {
            count = count.multiply(BigInteger.valueOf(r.values().size()));
        }
        if (count.compareTo(BigInteger.valueOf(MAX_SCENARIOS)) > 0) {
            at.problem(String.join(
                            " x ",
                            axes.stream()
                                    .map(r -> String.valueOf(r.values().size()))
                                    .toList()) + " values make " + count + " scenarios; a sweep makes at most "
                    + MAX_SCENARIOS);
            return List.of();
        }
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            Value[] row = new Value[axes.size()];
            int rest = i;
            for (int a = axes.size() - 1; a >= 0; a--) {
                List<Value> values = axes.get(a).values();
                row[a] = values.get(rest % values.size());
                rest /= values.size();
            }
            rows.add(List.of(row));
        }
        return rows;
    }

    /** {@code count} draws of every axis, in turn, from one generator seeded by {@code seed}. */
    private static List<List<Value>> sample(List<Read> axes, JsonNode sample) {
        SplittableRandom random = new SplittableRandom(sample.get("seed").asLong());
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < sample.get("count").asInt(); i++) {
            List<Value> row = new ArrayList<>();
            for (Read r : axes) {
                row.add(r.draw().next(random));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A uniform draw between {@code from} and {@code to}, written in their unit to 4 significant digits. */
    private Draw uniform(ConfigNode at, JsonNode n) {
        Matcher from = QUANTITY.matcher(at.get("from").text());
        Matcher to = QUANTITY.matcher(at.get("to").text());
        if (!from.matches()
                || !to.matches()
                || n.get("from").isContainerNode()
                || n.get("to").isContainerNode()) {
            (from.matches() ? at.get("to") : at.get("from"))
                    .problem("\"" + (from.matches() ? at.get("to") : at.get("from")).text()
                            + "\" is not a number or a quantity such as 100 MWh");
            return null;
        }
        String unit = from.group(2) == null ? "" : from.group(2);
        String toUnit = to.group(2) == null ? "" : to.group(2);
        if (!unit.equals(toUnit)) {
            at.get("to")
                    .problem("\"" + at.get("to").text() + "\" is not in the unit of from (\"" + unit
                            + "\"); give both ends in one unit");
            return null;
        }
        double low = Double.parseDouble(from.group(1));
        double high = Double.parseDouble(to.group(1));
        if (low > high) {
            at.get("to")
                    .problem("\"" + at.get("to").text() + "\" is below from (\""
                            + at.get("from").text() + "\"); give from <= to");
            return null;
        }
        String origin = origin(at, "sample");
        return r -> {
            String x = new BigDecimal(low + r.nextDouble() * (high - low))
                    .round(SIGNIFICANT)
                    .stripTrailingZeros()
                    .toPlainString();
            String shown = unit.isEmpty() ? x : x + " " + unit;
            return new Value(shown, FlowYaml.scalar(shown), origin);
        };
    }

    /** An axis's values: a list, or a range {@code a..b} of integers. */
    private List<Value> values(ConfigNode at, JsonNode n, String path) {
        if (n.isArray()) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                out.add(value(at.get(i), n.get(i), "axis"));
            }
            return out;
        }
        Matcher m = RANGE.matcher(n.isValueNode() ? at.text() : "");
        if (!m.matches()) {
            at.problem("\"" + at.text()
                    + "\" is neither a list nor a range; write [a, b, ...] or integers a..b, e.g. 1..10");
            return null;
        }
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        if (a > b) {
            at.problem("\"" + at.text() + "\" is an empty range; write a..b with a <= b");
            return null;
        }
        if (b - a >= MAX_SCENARIOS) {
            at.problem("\"" + at.text() + "\" has " + (b - a + 1) + " values; a sweep makes at most " + MAX_SCENARIOS
                    + " scenarios");
            return null;
        }
        String origin = origin(at, "axis");
        List<Value> out = new ArrayList<>();
        for (long x = a; x <= b; x++) {
            out.add(new Value(String.valueOf(x), String.valueOf(x), origin));
        }
        return out;
    }

    /** One value: a scalar as written, a mapping or a list as flow YAML. */
    private Value value(ConfigNode at, JsonNode n, String what) {
        String yaml = n.isTextual() ? FlowYaml.scalar(at.text()) : n.isValueNode() ? at.text() : FlowYaml.of(n);
        return new Value(n.isValueNode() ? at.text() : yaml, yaml, origin(at, what));
    }

    private String origin(ConfigNode at, String what) {
        return where + " line " + at.line() + ", " + what;
    }

    private static boolean checkPath(ConfigNode at, String path) {
        try {
            FieldPath.parse(path);
            return true;
        } catch (BadInputException e) {
            at.problem(e.getMessage());
            return false;
        }
    }

    private static void checkColumns(List<Read> axes, ConfigNode at) {
        Map<String, String> seen = new HashMap<>();
        for (Read r : axes) {
            String other = seen.putIfAbsent(r.axis().column(), r.axis().path());
            if (other != null) {
                at.get(r.axis().path())
                        .problem("its column \"" + r.axis().column() + "\" is also that of " + other
                                + "; give one of them a name: {values: [...], name: ...}");
            }
        }
    }

    private static List<String> keys(JsonNode mapping) {
        List<String> keys = new ArrayList<>();
        if (mapping != null) {
            mapping.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }
}

package dev.chikuden.ems.modbus;

import dev.chikuden.site.ConfigException;
import dev.chikuden.site.ConfigProblem;
import dev.chikuden.site.YamlDocument;
import dev.chikuden.site.YamlMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a register map file, reporting every problem at once with file, line, field, the bad value
 * and what is allowed. The format:
 *
 * <pre>
 * name: my-vendor
 * bess:                        # one battery unit (PCS and BMS); a list of blocks in address order
 *   - name: common             # for people
 *     model: 1                 # a SunSpec model: id and length lead the block; omit for a plain block
 *     start: 40002             # first register; omitted: right after the block before
 *     length: 66               # registers after the header (required for a model)
 *     points:
 *       - name: SoC            # offset: from the first register after the header
 *         offset: 9
 *         type: uint16         # int16 uint16 enum16 bitfield16 sunssf int32 uint32 bitfield32 acc32 float32 string
 *         scale: SoC_SF        # a fixed power of ten (-2) or a sunssf point of the same block
 *         units: "%"           # W kW MW Wh kWh MWh % fraction Hz s ms none
 *         role: soc            # what it means to Chikuden (see Role)
 *         access: rw           # r (default) or rw
 *         static: true         # read once per connection (scale factors always are)
 *         value: 2             # a constant (or the initial value of a writable point); text for strings
 *         write: 1             # written by the driver with every setpoint
 *         states: {1: OFF, 3: RUNNING, 4: STANDBY, 99: FAULT}   # for the state role
 * meter: ...                   # the grid meter, the same way
 * </pre>
 */
public final class RegisterMapReader {
    private static final String RESOURCES = "/dev/chikuden/ems/registers/";
    private static final int ADDRESSES = 0x10000;

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private RegisterMapReader(Path file) {
        this.file = file;
    }

    public static RegisterMap read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new RegisterMapReader(file).parse(r, file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "no such register map file; give \""
                    + "sunspec\" for the built-in map or the path of a register-map YAML file")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map shipped with Chikuden ({@code sunspec}). */
    static RegisterMap builtIn(String name) {
        try (InputStream in = RegisterMapReader.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in register map " + name + " is missing from the jar");
            }
            return new RegisterMapReader(Path.of(name + ".yaml")).parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RegisterMap parse(Reader reader, String defaultName) {
        Node root = YamlDocument.compose(file, reader, "expected a register map with bess: and meter: sections");
        YamlMap top = new YamlMap(file, problems, "", root);
        String name = text(top, "name", defaultName);
        DeviceMap bess = device(top, DeviceKind.BESS);
        DeviceMap meter = device(top, DeviceKind.METER);
        top.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RegisterMap(name, file.toString(), bess, meter);
    }

    private DeviceMap device(YamlMap top, DeviceKind kind) {
        String key = kind.yamlName();
        Node n = top.raw(key);
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            top.problem(n, top.at(key), n == null ? "is required: a list of register blocks" : "expected a list of "
                    + "register blocks (items starting with \"- \"), found " + describe(n));
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        Map<Role, String> roles = new EnumMap<>(Role.class);
        int next = -1;
        for (int i = 0; i < seq.getValue().size(); i++) {
            YamlMap m = new YamlMap(file, problems, key + "[" + i + "]", seq.getValue().get(i));
            Block b = block(m, kind, next, roles);
            if (b != null) {
                if (!blocks.isEmpty() && b.start() < next) {
                    m.problem("start", "block starts at " + b.start() + ", inside the block before it (which ends at "
                            + next + "); list blocks in address order without overlap");
                }
                blocks.add(b);
                next = b.end();
            }
        }
        for (Role r : Role.requiredFor(kind)) {
            if (!roles.containsKey(r)) {
                top.problem(n, key, "no point has role " + r.yamlName() + "; a " + key + " needs points with roles "
                        + String.join(", ", Role.requiredFor(kind).stream().map(Role::yamlName).toList()));
            }
        }
        return blocks.isEmpty() ? null : new DeviceMap(kind, blocks);
    }

    private Block block(YamlMap m, DeviceKind kind, int next, Map<Role, String> roles) {
        String name = text(m, "name", null);
        int modelId = integer(m, "model", -1, 0, 0xFFFF);
        int start = integer(m, "start", next, 0, ADDRESSES - 1);
        if (next < 0 && m.raw("start") == null) {
            m.problem(null, m.at("start"), "is required for the first block: its first register (e.g. 40000)");
            start = Integer.MIN_VALUE;
        }
        int length;
        if (modelId >= 0 && m.raw("length") == null) {
            m.problem(null, m.at("length"), "is required for a SunSpec model: the registers after its id and length");
            length = Integer.MIN_VALUE;
        } else {
            length = integer(m, "length", -1, 0, ADDRESSES);
        }
        List<RawPoint> raw = points(m, kind, roles);
        m.finish();
        if (name == null || modelId == Integer.MIN_VALUE || start == Integer.MIN_VALUE || length == Integer.MIN_VALUE) {
            return null;
        }
        int body = modelId >= 0 ? start + 2 : start;
        int extent = raw.stream().mapToInt(p -> p.offset + p.size).max().orElse(0);
        int size = length >= 0 ? length : extent;
        if (body + size > ADDRESSES) {
            m.problem(null, m.path(), "the block runs past register 65535 (starts at " + start + ", " + size
                    + " registers after its header)");
            return null;
        }
        List<Point> points = resolve(raw, body, size);
        return points == null ? null : new Block(name, modelId, start, size, points);
    }

    /** One point as written, before its address and scale factor are resolved. */
    private record RawPoint(YamlMap m, String name, Role role, PointType type, int offset, int size, Integer exponent,
                            String factor, EngineeringUnit unit, boolean writable, boolean isStatic, String text,
                            double value, double write, Map<Long, BatteryUnitState> states) {
    }

    private List<RawPoint> points(YamlMap block, DeviceKind kind, Map<Role, String> roles) {
        Node n = block.raw("points");
        List<RawPoint> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            block.problem("points", "expected a list of points (items starting with \"- \"), found " + describe(n));
            return out;
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            RawPoint p = point(new YamlMap(file, problems, block.at("points") + "[" + i + "]", seq.getValue().get(i)),
                    kind, roles);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private RawPoint point(YamlMap m, DeviceKind kind, Map<Role, String> roles) {
        String name = text(m, "name", null);
        int offset = integer(m, "offset", Integer.MIN_VALUE, 0, ADDRESSES - 1);
        PointType type = choice(m, "type", null, PointType::named, PointType.yamlNames());
        int size = type == null ? 1 : type.registers();
        if (type == PointType.STRING) {
            size = integer(m, "size", Integer.MIN_VALUE, 1, 125);
        } else if (m.raw("size") != null) {
            m.problem("size", "only a string point takes a size; a " + (type == null ? "" : type.yamlName() + " ")
                    + "point's size follows from its type");
        }
        Integer exponent = 0;
        String factor = null;
        String scaleText = text(m, "scale", "0");
        if (scaleText != null) {
            try {
                exponent = Integer.parseInt(scaleText.trim());
                if (exponent < RegisterCodec.MIN_EXPONENT || exponent > RegisterCodec.MAX_EXPONENT) {
                    m.problem("scale", "\"" + scaleText + "\" is outside -10 .. 10; scale is a power of ten");
                    exponent = null;
                }
            } catch (NumberFormatException e) {
                factor = scaleText.trim();
            }
        }
        EngineeringUnit unit = choice(m, "units", EngineeringUnit.NONE, EngineeringUnit::named,
                EngineeringUnit.symbols());
        String access = choice(m, "access", "r", a -> a.equals("r") || a.equals("rw") ? a : null, List.of("r", "rw"));
        boolean writable = "rw".equals(access);
        Boolean isStatic = choice(m, "static", false, b -> b.equals("true") || b.equals("false") ? Boolean.valueOf(b)
                : null, List.of("true", "false"));
        Role role = role(m, kind, type, unit, writable);
        String text = null;
        double value = Double.NaN;
        if (m.raw("value") != null) {
            if (type == PointType.STRING) {
                text = text(m, "value", "");
            } else {
                value = m.number("value", Double.NaN, -Double.MAX_VALUE, Double.MAX_VALUE);
            }
            if (role != null && !writable) {
                m.problem("value", "a point with role " + role.yamlName() + " is filled by the device; a value is for "
                        + "points without a role, or the initial value of a writable one");
            }
        }
        double write = Double.NaN;
        if (m.raw("write") != null) {
            write = m.number("write", Double.NaN, -Double.MAX_VALUE, Double.MAX_VALUE);
            if (!writable) {
                m.problem("write", "only a writable point (access: rw) can be written with the setpoint");
            }
        }
        Map<Long, BatteryUnitState> states = states(m, role);
        m.finish();
        if (name == null || offset == Integer.MIN_VALUE || type == null || size == Integer.MIN_VALUE
                || exponent == null || unit == null || access == null || isStatic == null || states == null) {
            return null;
        }
        if (role != null) {
            if (roles.containsKey(role)) {
                m.problem("role", "role " + role.yamlName() + " is given twice in this device (also to point "
                        + roles.get(role) + "); each role belongs to one point");
                return null;
            }
            roles.put(role, name);
        }
        return new RawPoint(m, name, role, type, offset, size, exponent, factor, unit, writable, isStatic, text, value,
                write, states);
    }

    private Role role(YamlMap m, DeviceKind kind, PointType type, EngineeringUnit unit, boolean writable) {
        if (m.raw("role") == null) {
            return null;
        }
        Role role = choice(m, "role", null, Role::named, Role.namesFor(kind));
        if (role == null) {
            return null;
        }
        if (!role.appliesTo(kind)) {
            m.problem("role", "\"" + role.yamlName() + "\" is not a role of a " + kind.yamlName() + "; allowed: "
                    + String.join(", ", Role.namesFor(kind)));
            return null;
        }
        if (role.writable() && !writable) {
            m.problem("role", "a " + role.yamlName() + " point is written by the driver: give it access: rw");
        }
        if (type != null && (role.quantity() == Quantity.TEXT) != (type == PointType.STRING)) {
            m.problem("type", "\"" + type.yamlName() + "\" does not suit role " + role.yamlName() + "; use "
                    + (role.quantity() == Quantity.TEXT ? "string" : "a numeric type"));
        } else if (type != null && role.quantity() == Quantity.CODE && !type.isInteger()) {
            m.problem("type", "\"" + type.yamlName() + "\" does not suit role " + role.yamlName() + ", a code; use an "
                    + "integer type such as enum16, uint16 or bitfield32");
        }
        Quantity q = role.quantity() == Quantity.TEXT ? Quantity.CODE : role.quantity();
        if (unit != null && unit.quantity() != q) {
            m.problem("units", "\"" + unit.symbol() + "\" does not suit role " + role.yamlName() + "; allowed: "
                    + String.join(", ", EngineeringUnit.symbolsFor(q)));
        }
        return role;
    }

    private Map<Long, BatteryUnitState> states(YamlMap m, Role role) {
        Node n = m.raw("states");
        Map<Long, BatteryUnitState> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (role != Role.STATE) {
            m.problem("states", "only the point with role state takes a table of state codes");
            return null;
        }
        if (!(n instanceof MappingNode map)) {
            m.problem("states", "expected a table of codes such as {1: OFF, 3: RUNNING, 4: STANDBY, 99: FAULT}, found "
                    + describe(n));
            return null;
        }
        List<String> allowed = List.of("OFF", "STANDBY", "RUNNING", "FAULT");
        for (NodeTuple t : map.getValue()) {
            String code = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            String state = t.getValueNode() instanceof ScalarNode s ? s.getValue() : "";
            Long c = parseInteger(code);
            if (c == null || c < 0 || c > 0xFFFF) {
                m.problem(t.getKeyNode(), m.at("states"), "\"" + code + "\" is not a state code 0 .. 65535");
                return null;
            }
            if (!allowed.contains(state.toUpperCase(Locale.ROOT))) {
                m.problem(t.getValueNode(), m.at("states") + "." + code, "\"" + state + "\" is not a state; allowed: "
                        + String.join(", ", allowed));
                return null;
            }
            out.put(c, BatteryUnitState.valueOf(state.toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    /** The block's points at their addresses, scale factors resolved; null after a problem. */
    private List<Point> resolve(List<RawPoint> raw, int body, int length) {
        Map<String, Point> factors = new LinkedHashMap<>();
        List<Point> out = new ArrayList<>();
        boolean ok = true;
        Set<String> names = new HashSet<>();
        for (RawPoint r : raw) {
            if (!names.add(r.name)) {
                r.m.problem("name", "\"" + r.name + "\" names two points of this block; names must be unique in a block");
                ok = false;
            }
        }
        for (RawPoint r : raw) {
            if (r.offset + r.size > length) {
                r.m.problem("offset", "offset " + r.offset + " + " + r.size + " register(s) runs past the block's "
                        + length + " registers");
                ok = false;
            } else if (r.type == PointType.SUNSSF) {
                Point sf = point(r, body, null);
                factors.put(r.name, sf);
                out.add(sf);
            }
        }
        for (RawPoint r : raw) {
            if (r.type == PointType.SUNSSF || r.offset + r.size > length) {
                continue;
            }
            Point sf = null;
            if (r.factor != null) {
                sf = factors.get(r.factor);
                if (sf == null) {
                    r.m.problem("scale", "\"" + r.factor + "\" is neither a power of ten (-10 .. 10) nor a sunssf point"
                            + " of this block" + (factors.isEmpty() ? "" : "; its scale factors: "
                            + String.join(", ", factors.keySet())));
                    ok = false;
                    continue;
                }
            }
            out.add(point(r, body, sf));
        }
        out.sort(Comparator.comparingInt(Point::address));
        for (int i = 1; i < out.size(); i++) {
            Point a = out.get(i - 1);
            Point b = out.get(i);
            if (b.address() < a.end()) {
                raw.stream().filter(r -> r.name.equals(b.name())).findFirst().ifPresent(r -> r.m.problem("offset",
                        "point " + b.name() + " overlaps point " + a.name() + " (registers " + a.address() + " .. "
                                + (a.end() - 1) + ")"));
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static Point point(RawPoint r, int body, Point sf) {
        return new Point(r.name, r.role, r.type, body + r.offset, r.size, sf == null ? r.exponent : 0, sf, r.unit,
                r.writable, r.isStatic, r.text, r.value, r.write, Collections.unmodifiableMap(r.states));
    }

    // --- scalar fields: text, whole numbers (decimal or 0x hex), choices

    private static String text(YamlMap m, String key, String fallback) {
        Node n = m.raw(key);
        if (n == null) {
            if (fallback == null) {
                m.problem(null, m.at(key), "is required");
            }
            return fallback;
        }
        if (!(n instanceof ScalarNode s)) {
            m.problem(n, m.at(key), "expected a single value, found " + describe(n));
            return null;
        }
        return s.getValue();
    }

    /** A whole number in [min, max]; {@code fallback} when absent, {@link Integer#MIN_VALUE} on a problem. */
    private static int integer(YamlMap m, String key, int fallback, int min, int max) {
        Node n = m.raw(key);
        if (n == null) {
            if (fallback == Integer.MIN_VALUE) {
                m.problem(null, m.at(key), "is required: a whole number " + min + " .. " + max);
            }
            return fallback;
        }
        String t = n instanceof ScalarNode s ? s.getValue() : describe(n);
        Long v = parseInteger(t);
        if (v == null || v < min || v > max) {
            m.problem(n, m.at(key), "\"" + t + "\" is not a whole number " + min + " .. " + max);
            return Integer.MIN_VALUE;
        }
        return v.intValue();
    }

    private static Long parseInteger(String t) {
        try {
            return Long.decode(t.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    /** One of {@code allowed}; {@code fallback} when absent, null on a problem (recorded). */
    private static <T> T choice(YamlMap m, String key, T fallback, Parser<T> parser, List<String> allowed) {
        Node n = m.raw(key);
        if (n == null) {
            if (fallback == null) {
                m.problem(null, m.at(key), "is required: one of " + String.join(", ", allowed));
            }
            return fallback;
        }
        String t = n instanceof ScalarNode s ? s.getValue() : null;
        T v = t == null ? null : parser.parse(t);
        if (v == null) {
            m.problem(n, m.at(key), (t == null ? describe(n) : "\"" + t + "\"") + " is not one of "
                    + String.join(", ", allowed));
        }
        return v;
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return "\"" + s.getValue() + "\"";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }
}

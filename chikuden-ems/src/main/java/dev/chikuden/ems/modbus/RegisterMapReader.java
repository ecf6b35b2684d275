package dev.chikuden.ems.modbus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.config.ConfigSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a register map file against {@code register-map.schema.json} (which tells the format key by
 * key), reporting every problem at once with file, line, field, the bad value and what is allowed.
 * The rules across fields are here: block order, roles and the types and units that suit them,
 * scale factors, overlapping points.
 */
public final class RegisterMapReader {
    private static final String RESOURCES = "/dev/chikuden/ems/registers/";
    private static final int ADDRESSES = 0x10000;
    private static final ConfigSchema SCHEMA = ConfigSchema.of("register-map.schema.json");
    private static final String EXPECTED = "expected a register map with bess: and meter: sections";

    /** A map file as written. */
    record MapFile(String name, List<BlockFile> bess, List<BlockFile> meter, List<BlockFile> plantController) {}

    record BlockFile(String name, Integer model, Integer start, Integer length, List<PointFile> points) {}

    record PointFile(
            String name,
            int offset,
            String type,
            Integer size,
            JsonNode scale,
            String units,
            String role,
            String access,
            @JsonProperty("static") boolean isStatic,
            JsonNode value,
            Double write,
            Map<Long, String> states) {}

    private RegisterMapReader() {}

    public static RegisterMap read(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException(List.of(new ConfigProblem(
                    file,
                    0,
                    0,
                    "",
                    "no such register map file; give \""
                            + "sunspec\" for the built-in map or the path of a register-map YAML file")));
        }
        return read(
                ConfigFile.read(file, EXPECTED), file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    }

    /** A map shipped with Chikuden ({@code sunspec}). */
    static RegisterMap builtIn(String name) {
        try (InputStream in = RegisterMapReader.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in register map " + name + " is missing from the jar");
            }
            return read(
                    ConfigFile.read(
                            Path.of(name + ".yaml"), new InputStreamReader(in, StandardCharsets.UTF_8), EXPECTED),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegisterMap read(ConfigFile f, String defaultName) {
        f.check(SCHEMA);
        MapFile m = f.root().bind(MapFile.class);
        DeviceMap bess = device(m.bess(), f.root().get("bess"), DeviceKind.BESS);
        DeviceMap meter = device(m.meter(), f.root().get("meter"), DeviceKind.METER);
        DeviceMap plant = device(m.plantController(), f.root().get("plantController"), DeviceKind.PLANT_CONTROLLER);
        f.throwIfAny();
        return new RegisterMap(
                m.name() != null ? m.name() : defaultName, f.document().file().toString(), bess, meter, plant);
    }

    private static DeviceMap device(List<BlockFile> given, ConfigNode at, DeviceKind kind) {
        if (given == null) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        Map<Role, String> roles = new EnumMap<>(Role.class);
        int next = -1;
        for (int i = 0; i < given.size(); i++) {
            ConfigNode b = at.get(i);
            Block block = b.clean() || given.get(i) != null ? block(given.get(i), b, kind, next, roles) : null;
            if (block != null) {
                if (!blocks.isEmpty() && block.start() < next) {
                    b.get("start")
                            .problem("block starts at " + block.start() + ", inside the block before it (which "
                                    + "ends at " + next + "); list blocks in address order without overlap");
                }
                blocks.add(block);
                next = block.end();
            }
        }
        for (Role r : Role.requiredFor(kind)) {
            if (!roles.containsKey(r)) {
                at.problem("no point has role " + r.yamlName() + "; a " + kind.yamlName() + " needs points with roles "
                        + String.join(
                                ", ",
                                Role.requiredFor(kind).stream()
                                        .map(Role::yamlName)
                                        .toList()));
            }
        }
        return blocks.isEmpty() ? null : new DeviceMap(kind, blocks);
    }

    private static Block block(BlockFile b, ConfigNode at, DeviceKind kind, int next, Map<Role, String> roles) {
        boolean placed = true;
        if (next < 0 && b.start() == null) {
            at.get("start").problem("is required for the first block: its first register (e.g. 40000)");
            placed = false;
        }
        if (b.model() != null && b.length() == null) {
            at.get("length").problem("is required for a SunSpec model: the registers after its id and length");
            placed = false;
        }
        List<RawPoint> raw = new ArrayList<>();
        for (int i = 0; i < b.points().size(); i++) {
            RawPoint p = point(b.points().get(i), at.get("points").get(i), kind, roles);
            if (p != null) {
                raw.add(p);
            }
        }
        if (!placed
                || !at.get("name").clean()
                || !at.get("model").clean()
                || !at.get("start").clean()
                || !at.get("length").clean()) {
            return null;
        }
        int start = b.start() != null ? b.start() : next;
        int body = b.model() != null ? start + 2 : start;
        int extent = raw.stream().mapToInt(p -> p.offset + p.size).max().orElse(0);
        int size = b.length() != null ? b.length() : extent;
        if (body + size > ADDRESSES) {
            at.problem("the block runs past register 65535 (starts at " + start + ", " + size
                    + " registers after its header)");
            return null;
        }
        List<Point> points = resolve(raw, body, size);
        return points == null ? null : new Block(b.name(), b.model() != null ? b.model() : -1, start, size, points);
    }

    /** One point as written, before its address and scale factor are resolved. */
    private record RawPoint(
            ConfigNode at,
            String name,
            Role role,
            PointType type,
            int offset,
            int size,
            int exponent,
            String factor,
            EngineeringUnit unit,
            boolean writable,
            boolean isStatic,
            String text,
            double value,
            double write,
            Map<Long, BatteryUnitState> states) {}

    private static RawPoint point(PointFile p, ConfigNode at, DeviceKind kind, Map<Role, String> roles) {
        if (!at.clean()) {
            return null;
        }
        PointType type = PointType.named(p.type());
        if (type != PointType.STRING && p.size() != null) {
            at.get("size")
                    .problem("only a string point takes a size; a " + type.yamlName() + " point's size follows "
                            + "from its type");
        } else if (type == PointType.STRING && p.size() == null) {
            at.get("size").problem("is required: a whole number 1 .. 125");
            return null;
        }
        EngineeringUnit unit = EngineeringUnit.named(p.units());
        boolean writable = "rw".equals(p.access());
        Role role = p.role() == null ? null : role(Role.named(p.role()), at, kind, type, unit, writable);
        if (p.value() != null && role != null && !writable) {
            at.get("value")
                    .problem("a point with role " + role.yamlName() + " is filled by the device; a value is for "
                            + "points without a role, or the initial value of a writable one");
        }
        if (p.write() != null && !writable) {
            at.get("write").problem("only a writable point (access: rw) can be written with the setpoint");
        }
        if (p.states() != null && role != Role.STATE) {
            at.get("states").problem("only the point with role state takes a table of state codes");
            return null;
        }
        if (role != null && role.indexed()) {
            roles.merge(role, p.name(), (a, b) -> a + ", " + b);
            if (roles.get(role).split(", ").length > Role.MAX_INDEX) {
                at.get("role")
                        .problem("role " + role.yamlName() + " is given to more than " + Role.MAX_INDEX
                                + " points (one per supervisory layer index 0 .. " + (Role.MAX_INDEX - 1) + ")");
                return null;
            }
        } else if (role != null && roles.containsKey(role)) {
            at.get("role")
                    .problem("role " + role.yamlName() + " is given twice in this device (also to point "
                            + roles.get(role) + "); each role belongs to one point");
            return null;
        }
        if (role != null && !role.indexed()) {
            roles.put(role, p.name());
        }
        Map<Long, BatteryUnitState> states = new LinkedHashMap<>();
        if (p.states() != null) {
            p.states().forEach((code, state) -> states.put(code, BatteryUnitState.valueOf(state)));
        }
        boolean text = type == PointType.STRING;
        double value = Double.NaN;
        if (!text && p.value() != null) {
            if (!p.value().isNumber()) {
                at.get("value")
                        .problem("is text; a " + type.yamlName() + " point's value is a number (text is for a "
                                + "string point)");
                return null;
            }
            // bound as a plain number, as write is: a problem unless finite and at most 1e12 in size
            Double v = at.get("value").bind(Double.class);
            value = v == null ? Double.NaN : v;
        }
        return new RawPoint(
                at,
                p.name(),
                role,
                type,
                p.offset(),
                text ? p.size() : type.registers(),
                p.scale().isInt() ? p.scale().asInt() : 0,
                p.scale().isInt() ? null : p.scale().asText(),
                unit,
                writable,
                p.isStatic(),
                text && p.value() != null ? p.value().asText() : null,
                value,
                p.write() != null ? p.write() : Double.NaN,
                states);
    }

    private static Role role(
            Role role, ConfigNode at, DeviceKind kind, PointType type, EngineeringUnit unit, boolean writable) {
        if (!role.appliesTo(kind)) {
            at.get("role")
                    .problem("\"" + role.yamlName() + "\" is not a role of a " + kind.yamlName() + "; allowed: "
                            + String.join(", ", Role.namesFor(kind)));
            return null;
        }
        if (role.writable() && !writable) {
            at.get("role").problem("a " + role.yamlName() + " point is written by the driver: give it access: rw");
        }
        if ((role.quantity() == Quantity.TEXT) != (type == PointType.STRING)) {
            at.get("type")
                    .problem("\"" + type.yamlName() + "\" does not suit role " + role.yamlName() + "; use "
                            + (role.quantity() == Quantity.TEXT ? "string" : "a numeric type"));
        } else if (role.quantity() == Quantity.CODE && !type.isInteger()) {
            at.get("type")
                    .problem("\"" + type.yamlName() + "\" does not suit role " + role.yamlName() + ", a code; use "
                            + "an integer type such as enum16, uint16 or bitfield32");
        }
        Quantity q = role.quantity() == Quantity.TEXT ? Quantity.CODE : role.quantity();
        if (unit.quantity() != q) {
            at.get("units")
                    .problem("\"" + unit.symbol() + "\" does not suit role " + role.yamlName() + "; allowed: "
                            + String.join(", ", EngineeringUnit.symbolsFor(q)));
        }
        return role;
    }

    /** The block's points at their addresses, scale factors resolved; null after a problem. */
    private static List<Point> resolve(List<RawPoint> raw, int body, int length) {
        Map<String, Point> factors = new LinkedHashMap<>();
        List<Point> out = new ArrayList<>();
        boolean ok = true;
        Set<String> names = new HashSet<>();
        for (RawPoint r : raw) {
            if (!names.add(r.name)) {
                r.at.get("name")
                        .problem("\"" + r.name + "\" names two points of this block; names must be unique in a block");
                ok = false;
            }
        }
        for (RawPoint r : raw) {
            if (r.offset + r.size > length) {
                r.at.get("offset")
                        .problem("offset " + r.offset + " + " + r.size + " register(s) runs past the block's " + length
                                + " registers");
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
                    r.at.get("scale")
                            .problem("\"" + r.factor + "\" is neither a power of ten (-10 .. 10) nor a sunssf point"
                                    + " of this block"
                                    + (factors.isEmpty()
                                            ? ""
                                            : "; its scale factors: " + String.join(", ", factors.keySet())));
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
                raw.stream()
                        .filter(r -> r.name.equals(b.name()))
                        .findFirst()
                        .ifPresent(r -> r.at.get("offset")
                                .problem("point " + b.name() + " overlaps point " + a.name() + " (registers "
                                        + a.address() + " .. " + (a.end() - 1) + ")"));
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static Point point(RawPoint r, int body, Point sf) {
        return new Point(
                r.name,
                r.role,
                r.type,
                body + r.offset,
                r.size,
                sf == null ? r.exponent : 0,
                sf,
                r.unit,
                r.writable,
                r.isStatic,
                r.text,
                r.value,
                r.write,
                Collections.unmodifiableMap(r.states));
    }
}

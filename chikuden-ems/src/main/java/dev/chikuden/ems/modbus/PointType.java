package dev.chikuden.ems.modbus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a point's value sits in its registers, with SunSpec's type names. Multi-register values are
 * big-endian, high word first (SunSpec's order). Each integer type keeps one raw value back as
 * SunSpec's "not implemented" mark ({@link #notImplemented()}), so a valid value never saturates
 * onto it; an accumulator wraps instead of saturating and has no such mark.
 */
public enum PointType {
    INT16(1, -0x7FFF, 0x7FFF, 0x8000L),
    UINT16(1, 0, 0xFFFE, 0xFFFFL),
    ENUM16(1, 0, 0xFFFE, 0xFFFFL),
    BITFIELD16(1, 0, 0x7FFF, 0xFFFFL),
    /** A SunSpec scale factor: the power of ten the points that name it are scaled by. */
    SUNSSF(1, -10, 10, 0x8000L),
    INT32(2, -0x7FFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L),
    UINT32(2, 0, 0xFFFF_FFFEL, 0xFFFF_FFFFL),
    BITFIELD32(2, 0, 0x7FFF_FFFFL, 0xFFFF_FFFFL),
    ACC32(2, 0, 0xFFFF_FFFFL, -1),
    FLOAT32(2, 0, 0, 0x7FC0_0000L),
    /** Text, NUL-padded ASCII, two characters a register; its size is given per point. */
    STRING(0, 0, 0, 0);

    private final int registers;
    private final long minRaw;
    private final long maxRaw;
    private final long notImplemented;

    PointType(int registers, long minRaw, long maxRaw, long notImplemented) {
        this.registers = registers;
        this.minRaw = minRaw;
        this.maxRaw = maxRaw;
        this.notImplemented = notImplemented;
    }

    /** Registers a value takes; 0 for {@link #STRING}, whose size each point gives. */
    public int registers() {
        return registers;
    }

    /** The smallest raw integer a value may take (integer types). */
    public long minRaw() {
        return minRaw;
    }

    /** The largest raw integer a value may take (integer types). */
    public long maxRaw() {
        return maxRaw;
    }

    /** The raw register content meaning "no value" (SunSpec), or -1 when the type has none. */
    public long notImplemented() {
        return notImplemented;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != STRING;
    }

    public boolean signed() {
        return this == INT16 || this == SUNSSF || this == INT32;
    }

    /** The name in a register map file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a map file names, or null. */
    public static PointType named(String name) {
        for (PointType t : values()) {
            if (t.yamlName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(PointType::yamlName).toList();
    }
}

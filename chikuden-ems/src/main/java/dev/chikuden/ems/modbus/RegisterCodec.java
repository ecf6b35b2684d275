package dev.chikuden.ems.modbus;

/**
 * Values to register contents and back: raw integers in big-endian words, and the raw integer of a
 * scaled value ({@code value = raw x 10^exponent}, SunSpec's scale factors). Integers saturate at
 * their type's range, accumulators wrap, NaN is the type's "not implemented" mark. Allocation-free.
 */
public final class RegisterCodec {
    /** Scale factors SunSpec allows (and map files may fix). */
    public static final int MIN_EXPONENT = -10;

    public static final int MAX_EXPONENT = 10;

    private static final double[] POW10 = new double[MAX_EXPONENT + 1];
    private static final long TWO_32 = 1L << 32;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private RegisterCodec() {}

    /** The raw integer (float bits for {@link PointType#FLOAT32}) that stores {@code value}. */
    public static long encode(PointType type, int exponent, double value) {
        if (type == PointType.FLOAT32) {
            return Float.floatToIntBits((float) unscale(value, exponent)) & 0xFFFF_FFFFL;
        }
        if (Double.isNaN(value)) {
            return type == PointType.ACC32 ? 0 : type.notImplemented();
        }
        double r = Math.rint(unscale(value, exponent));
        if (type == PointType.ACC32) {
            return Math.floorMod((long) r, TWO_32);
        }
        if (r <= type.minRaw()) {
            return type.minRaw();
        }
        return r >= type.maxRaw() ? type.maxRaw() : (long) r;
    }

    /** The value {@code raw} stores; NaN for the "not implemented" mark. */
    public static double decode(PointType type, int exponent, long raw) {
        if (type == PointType.FLOAT32) {
            return scale(Float.intBitsToFloat((int) raw), exponent);
        }
        if (raw == type.notImplemented()) {
            return Double.NaN;
        }
        return scale(raw, exponent);
    }

    /** {@code v x 10^exponent}, dividing for negative exponents so that decimal steps come out exact. */
    public static double scale(double v, int exponent) {
        return exponent >= 0 ? v * POW10[exponent] : v / POW10[-exponent];
    }

    public static double unscale(double v, int exponent) {
        return exponent >= 0 ? v / POW10[exponent] : v * POW10[-exponent];
    }

    /** The raw integer at {@code words[i]}: sign-extended for signed types, float bits for floats. */
    public static long readRaw(PointType type, short[] words, int i) {
        if (type.registers() == 1) {
            return type.signed() ? words[i] : words[i] & 0xFFFF;
        }
        long u = ((words[i] & 0xFFFFL) << 16) | (words[i + 1] & 0xFFFFL);
        return type == PointType.INT32 ? (int) u : u;
    }

    public static void writeRaw(PointType type, short[] words, int i, long raw) {
        if (type.registers() == 1) {
            words[i] = (short) raw;
        } else {
            words[i] = (short) (raw >>> 16);
            words[i + 1] = (short) raw;
        }
    }

    /** NUL-padded ASCII, two characters a register, cut at {@code registers}. */
    public static void writeText(String text, short[] words, int i, int registers) {
        for (int k = 0; k < registers; k++) {
            words[i + k] = (short) ((asciiAt(text, 2 * k) << 8) | asciiAt(text, 2 * k + 1));
        }
    }

    public static String readText(short[] words, int i, int registers) {
        StringBuilder sb = new StringBuilder(2 * registers);
        for (int k = 0; k < registers; k++) {
            int hi = (words[i + k] >> 8) & 0xFF;
            int lo = words[i + k] & 0xFF;
            if (hi == 0) {
                break;
            }
            sb.append((char) hi);
            if (lo == 0) {
                break;
            }
            sb.append((char) lo);
        }
        return sb.toString();
    }

    private static int asciiAt(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        return c > 0 && c < 0x7F ? c : '?';
    }
}

package dev.chikuden.ems.modbus;

/**
 * The registers of one device from {@code base} on, and its points read and written in Chikuden's
 * units (kW, kWh, fraction, Hz, s) through the map's types, scale factors and units. The simulator
 * serves one; a driver decodes the registers it read into one. Not thread-safe.
 */
public final class RegisterImage {
    private final int base;
    private final short[] words;

    public RegisterImage(int base, int size) {
        this.base = base;
        this.words = new short[size];
    }

    /**
     * The registers a device of {@code map} holds before anything is measured: SunSpec model headers
     * (id and length), constant values and texts, writable points at their initial values.
     */
    public static RegisterImage of(DeviceMap map) {
        RegisterImage image = new RegisterImage(map.firstAddress(), map.endAddress() - map.firstAddress());
        for (Block b : map.blocks()) {
            if (b.isModel()) {
                image.words[b.start() - image.base] = (short) b.modelId();
                image.words[b.start() + 1 - image.base] = (short) b.length();
            }
        }
        // scale factors first: constants are scaled by them
        for (Point p : map.points()) {
            if (p.type() == PointType.SUNSSF && !Double.isNaN(p.value())) {
                image.setRaw(p, (long) p.value());
            }
        }
        for (Point p : map.points()) {
            if (p.text() != null) {
                image.setText(p, p.text());
            } else if (p.type() != PointType.SUNSSF && !Double.isNaN(p.value())) {
                image.setEngineering(p, p.value());
            }
        }
        return image;
    }

    public int base() {
        return base;
    }

    /** One past the last register. */
    public int end() {
        return base + words.length;
    }

    public boolean covers(int address, int count) {
        return address >= base && address + count <= end();
    }

    /** Copies {@code count} registers from {@code from} at {@code address}. */
    public void copy(RegisterImage from, int address, int count) {
        System.arraycopy(from.words, address - from.base, words, address - base, count);
    }

    /** Registers as a Modbus PDU carries them (big-endian bytes). */
    public byte[] bytes(int address, int count) {
        byte[] out = new byte[2 * count];
        for (int k = 0; k < count; k++) {
            short w = words[address - base + k];
            out[2 * k] = (byte) (w >> 8);
            out[2 * k + 1] = (byte) w;
        }
        return out;
    }

    /** Stores registers given as PDU bytes at {@code address}. */
    public void putBytes(int address, byte[] bytes) {
        for (int k = 0; k < bytes.length / 2; k++) {
            words[address - base + k] = (short) (((bytes[2 * k] & 0xFF) << 8) | (bytes[2 * k + 1] & 0xFF));
        }
    }

    public int word(int address) {
        return words[address - base] & 0xFFFF;
    }

    public void setWord(int address, int value) {
        words[address - base] = (short) value;
    }

    /** The raw integer of {@code p} (float bits for floats). */
    public long raw(Point p) {
        return RegisterCodec.readRaw(p.type(), words, p.address() - base);
    }

    public void setRaw(Point p, long raw) {
        RegisterCodec.writeRaw(p.type(), words, p.address() - base, raw);
    }

    /** The power of ten {@code p} is scaled by now, or {@link Integer#MIN_VALUE} when its scale factor is unset. */
    public int exponent(Point p) {
        if (p.scaleFactor() == null) {
            return p.exponent();
        }
        long sf = raw(p.scaleFactor());
        return sf < RegisterCodec.MIN_EXPONENT || sf > RegisterCodec.MAX_EXPONENT ? Integer.MIN_VALUE : (int) sf;
    }

    /** The scaled value in the point's own unit; NaN when not implemented or its scale factor is unset. */
    public double engineering(Point p) {
        int e = exponent(p);
        return e == Integer.MIN_VALUE ? Double.NaN : RegisterCodec.decode(p.type(), e, raw(p));
    }

    public void setEngineering(Point p, double value) {
        int e = exponent(p);
        setRaw(p, RegisterCodec.encode(p.type(), e == Integer.MIN_VALUE ? 0 : e, value));
    }

    /** The value in Chikuden's unit of the point's quantity (kW, kWh, fraction, Hz, s; codes as they are). */
    public double get(Point p) {
        return p.unit().toInternal(engineering(p));
    }

    public void set(Point p, double internal) {
        setEngineering(p, p.unit().fromInternal(internal));
    }

    public String text(Point p) {
        return RegisterCodec.readText(words, p.address() - base, p.size());
    }

    public void setText(Point p, String text) {
        RegisterCodec.writeText(text, words, p.address() - base, p.size());
    }
}

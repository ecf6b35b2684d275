package dev.chikuden.ems.modbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engineering unit of a point's scaled value, and its factor to Chikuden's unit of the same
 * quantity (kW, kWh, fraction, Hz, s). SunSpec's spellings ({@code Pct}, {@code Secs}) are accepted.
 */
public enum EngineeringUnit {
    W(Quantity.POWER, 1e-3, "W"),
    KW(Quantity.POWER, 1, "kW"),
    MW(Quantity.POWER, 1e3, "MW"),
    WH(Quantity.ENERGY, 1e-3, "Wh"),
    KWH(Quantity.ENERGY, 1, "kWh"),
    MWH(Quantity.ENERGY, 1e3, "MWh"),
    PERCENT(Quantity.FRACTION, 0.01, "%", "Pct"),
    FRACTION(Quantity.FRACTION, 1, "fraction"),
    HZ(Quantity.FREQUENCY, 1, "Hz"),
    KW_PER_S(Quantity.RAMP, 1, "kW/s"),
    MW_PER_S(Quantity.RAMP, 1e3, "MW/s"),
    S(Quantity.DURATION, 1, "s", "Secs"),
    MS(Quantity.DURATION, 1e-3, "ms"),
    /** No unit: codes, bit fields, ids, text. */
    NONE(Quantity.CODE, 1, "none");

    private final Quantity quantity;
    private final double factor;
    private final String[] names;

    EngineeringUnit(Quantity quantity, double factor, String... names) {
        this.quantity = quantity;
        this.factor = factor;
        this.names = names;
    }

    public Quantity quantity() {
        return quantity;
    }

    /** The value in Chikuden's unit of an engineering value in this unit. */
    public double toInternal(double engineering) {
        return engineering * factor;
    }

    public double fromInternal(double internal) {
        return internal / factor;
    }

    /** How a map file writes it. */
    public String symbol() {
        return names[0];
    }

    /** The unit a map file names (case-sensitive, as W and MW differ only by case), or null. */
    public static EngineeringUnit named(String name) {
        for (EngineeringUnit u : values()) {
            for (String n : u.names) {
                if (n.equals(name)) {
                    return u;
                }
            }
        }
        return null;
    }

    /** Every unit, as a map file may write it. */
    public static List<String> symbols() {
        return Arrays.stream(values()).map(EngineeringUnit::symbol).toList();
    }

    /** The units of {@code quantity}, as a map file may write them. */
    public static List<String> symbolsFor(Quantity quantity) {
        List<String> out = new ArrayList<>();
        for (EngineeringUnit u : values()) {
            if (u.quantity == quantity) {
                out.add(u.symbol());
            }
        }
        return out;
    }
}

package dev.chikuden.units;

import java.util.List;

/**
 * A physical dimension a configuration value may have, with the units accepted for it and
 * the factor that converts each unit to the project's base unit (kW, kWh, s, fraction).
 */
public enum Dimension {
    POWER("a power", "kW", List.of(new Unit("W", 1e-3), new Unit("kW", 1), new Unit("MW", 1e3), new Unit("GW", 1e6))),
    ENERGY(
            "an energy",
            "kWh",
            List.of(new Unit("Wh", 1e-3), new Unit("kWh", 1), new Unit("MWh", 1e3), new Unit("GWh", 1e6))),
    DURATION(
            "a duration",
            "s",
            List.of(
                    new Unit("ms", 1e-3),
                    new Unit("s", 1),
                    new Unit("sec", 1),
                    new Unit("min", 60),
                    new Unit("h", 3600),
                    new Unit("hr", 3600),
                    new Unit("d", 86400),
                    new Unit("day", 86400),
                    new Unit("days", 86400),
                    new Unit("w", 604800),
                    new Unit("week", 604800),
                    new Unit("weeks", 604800),
                    new Unit("year", 31_536_000),
                    new Unit("years", 31_536_000))),
    /** A rate of change of power; base kW/s. */
    POWER_RATE(
            "a rate of change of power",
            "kW/s",
            List.of(new Unit("W/s", 1e-3), new Unit("kW/s", 1), new Unit("MW/s", 1e3), new Unit("MW/min", 1e3 / 60))),
    /** A plain number (a count), no unit. */
    NUMBER("a number", "", List.of(new Unit("", 1))),
    /** Celsius; kelvin converts with its offset. */
    TEMPERATURE("a temperature", "°C", List.of(new Unit("°C", 1), new Unit("C", 1), new Unit("K", 1, -273.15))),
    HEAT_CAPACITY(
            "a heat capacity", "kJ/K", List.of(new Unit("J/K", 1e-3), new Unit("kJ/K", 1), new Unit("MJ/K", 1e3))),
    THERMAL_CONDUCTANCE("a thermal conductance", "kW/K", List.of(new Unit("W/K", 1e-3), new Unit("kW/K", 1))),
    FREQUENCY("a frequency", "Hz", List.of(new Unit("mHz", 1e-3), new Unit("Hz", 1), new Unit("kHz", 1e3))),
    /** A fraction 0..1, written either as a plain number (0.95) or with a percent sign (95 %). */
    FRACTION("a fraction", "", List.of(new Unit("%", 0.01), new Unit("", 1)));

    private final String article;
    private final String baseUnit;
    private final List<Unit> units;

    Dimension(String article, String baseUnit, List<Unit> units) {
        this.article = article;
        this.baseUnit = baseUnit;
        this.units = units;
    }

    /**
     * The largest magnitude any value of this dimension can have in this project's world, in the
     * base unit; beyond it a value is a typo or a unit mistake, never a site: 100 GW, 1 TWh, 100
     * years, 1,000 GW/s, 10^12 for a plain number or a fraction, 1,000 °C (and not below absolute
     * zero), 10^12 kJ/K, 10^9 kW/K, 1 MHz.
     */
    public double physicalLimit() {
        return switch (this) {
            case POWER -> 1e8;
            case ENERGY -> 1e9;
            case DURATION -> 100 * 31_536_000.0;
            case POWER_RATE -> 1e9;
            case TEMPERATURE -> 1000;
            case HEAT_CAPACITY -> 1e12;
            case THERMAL_CONDUCTANCE -> 1e9;
            case FREQUENCY -> 1e6;
            case NUMBER, FRACTION -> 1e12;
        };
    }

    /**
     * The range, in the base unit, of values met in practice: outside it a value is possible but
     * suspect (a unit slip, a typo) and is read as given with a warning. Power and energy allow the
     * largest plants and campuses (10 GW, 100 GWh), temperature what ambient air and batteries see
     * (-50 to 70 °C), a rate what a converter can ramp (10 GW/s), frequency a grid's 50/60 Hz and its
     * deadbands; the other dimensions have no usual range beyond the physical one.
     */
    public double usualMin() {
        return switch (this) {
            case TEMPERATURE -> -50;
            case POWER, ENERGY, POWER_RATE, FREQUENCY -> -usualMax();
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    /** See {@link #usualMin()}. */
    public double usualMax() {
        return switch (this) {
            case POWER -> 1e7;
            case ENERGY -> 1e8;
            case TEMPERATURE -> 70;
            case POWER_RATE -> 1e7;
            case FREQUENCY -> 100;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** Whether {@code v}, in the base unit, is a value this dimension can physically have. */
    public boolean isPhysical(double v) {
        return Double.isFinite(v) && Math.abs(v) <= physicalLimit() && (this != TEMPERATURE || v >= -273.15);
    }

    /** "a power", "an energy", ... for messages. */
    public String article() {
        return article;
    }

    public String baseUnit() {
        return baseUnit;
    }

    List<Unit> units() {
        return units;
    }

    /** "a power with a unit (W, kW, MW, GW), e.g. \"150 MW\"". */
    public String describe() {
        return switch (this) {
            case POWER -> article + " with a unit (W, kW, MW, GW), e.g. \"150 MW\"";
            case ENERGY -> article + " with a unit (Wh, kWh, MWh, GWh), e.g. \"600 MWh\"";
            case DURATION -> article + " with a unit (ms, s, min, h, d, week, year = 365 d), e.g. \"4 h\"";
            case POWER_RATE -> article + " with a unit (W/s, kW/s, MW/s, MW/min), e.g. \"2000 W/s\"";
            case NUMBER -> article + " without a unit, e.g. 5000";
            case TEMPERATURE -> article + " in °C or K, e.g. \"25 °C\"";
            case HEAT_CAPACITY -> article + " with a unit (J/K, kJ/K, MJ/K), e.g. \"8000 kJ/K\"";
            case THERMAL_CONDUCTANCE -> article + " with a unit (W/K, kW/K), e.g. \"40 W/K\"";
            case FREQUENCY -> article + " with a unit (mHz, Hz, kHz), e.g. \"0.1 Hz\"";
            case FRACTION -> article + " as a percentage or a number, e.g. \"95 %\" or 0.95";
        };
    }

    /** base value = number * toBase + offset. */
    record Unit(String symbol, double toBase, double offset) {
        Unit(String symbol, double toBase) {
            this(symbol, toBase, 0);
        }
    }
}

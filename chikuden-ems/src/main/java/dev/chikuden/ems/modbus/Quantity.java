package dev.chikuden.ems.modbus;

/** What a point measures, and so the units it may be given in and its unit inside Chikuden. */
public enum Quantity {
    /** kW inside. */
    POWER,
    /** kWh inside. */
    ENERGY,
    /** 0..1 inside (a state of charge, a state of health). */
    FRACTION,
    /** Hz. */
    FREQUENCY,
    /** kW/s inside (a ramp rate). */
    RAMP,
    /** Seconds inside. */
    DURATION,
    /** A code, a bit field, an id or a count: no unit. */
    CODE,
    /** Text. */
    TEXT
}

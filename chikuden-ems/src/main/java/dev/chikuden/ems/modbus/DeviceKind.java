package dev.chikuden.ems.modbus;

import java.util.Locale;

/** The devices a register map lays out: a battery unit (its PCS and BMS) and the grid meter. */
public enum DeviceKind {
    BESS,
    METER;

    /** The section of a map file that lays this device out. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

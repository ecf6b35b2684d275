package dev.chikuden.ems.modbus;

import java.util.Locale;

/**
 * The devices a register map lays out: a battery unit (its PCS and BMS), the grid meter and a plant
 * controller (a PPC running the fast layers in hardware, supervised by the EMS over its registers).
 */
public enum DeviceKind {
    BESS,
    METER,
    PLANT_CONTROLLER;

    /** The section of a map file that lays this device out. */
    public String yamlName() {
        return this == PLANT_CONTROLLER ? "plantController" : name().toLowerCase(Locale.ROOT);
    }
}

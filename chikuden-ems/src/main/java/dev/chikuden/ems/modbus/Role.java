package dev.chikuden.ems.modbus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a point means to Chikuden. A register map binds points to roles; the drivers read and write
 * points by role and the device simulator fills them by role, so a vendor's layout is only data.
 * Points without a role are served as their constant {@code value} (or zero) and never read.
 */
public enum Role {
    /** Measured active power at the AC terminals: a battery {@code > 0} discharging, the meter {@code > 0} importing. */
    POWER("power", Quantity.POWER, false, DeviceKind.BESS, DeviceKind.METER),
    /** The active power the unit is commanded to, {@code > 0} discharge. */
    SETPOINT("setpoint", Quantity.POWER, true, DeviceKind.BESS),
    /** 1 when the unit follows {@link #SETPOINT}; a driver writes it with every setpoint. */
    SETPOINT_ENABLE("setpointEnable", Quantity.CODE, true, DeviceKind.BESS),
    /** The unit falls back to {@link #REVERT_VALUE} (else 0) when no setpoint arrives for this long; 0: never. */
    REVERT_TIMEOUT("revertTimeout", Quantity.DURATION, true, DeviceKind.BESS, DeviceKind.PLANT_CONTROLLER),
    REVERT_REMAINING("revertRemaining", Quantity.DURATION, false, DeviceKind.BESS),
    REVERT_VALUE("revertValue", Quantity.POWER, true, DeviceKind.BESS),
    SOC("soc", Quantity.FRACTION, false, DeviceKind.BESS),
    SOC_MIN("socMin", Quantity.FRACTION, false, DeviceKind.BESS),
    SOC_MAX("socMax", Quantity.FRACTION, false, DeviceKind.BESS),
    STATE_OF_HEALTH("stateOfHealth", Quantity.FRACTION, false, DeviceKind.BESS),
    /** Nameplate energy; usable capacity now is this times the state of health. */
    ENERGY_RATING("energyRating", Quantity.ENERGY, false, DeviceKind.BESS),
    /** The charge the unit accepts now (its own limits, SOC tapers included), a positive magnitude. */
    MAX_CHARGE("maxCharge", Quantity.POWER, false, DeviceKind.BESS),
    MAX_DISCHARGE("maxDischarge", Quantity.POWER, false, DeviceKind.BESS),
    RATED_POWER("ratedPower", Quantity.POWER, false, DeviceKind.BESS),
    RATED_CHARGE("ratedCharge", Quantity.POWER, false, DeviceKind.BESS),
    RATED_DISCHARGE("ratedDischarge", Quantity.POWER, false, DeviceKind.BESS),
    /** Operating state, a code the point's {@code states} table translates. */
    STATE("state", Quantity.CODE, false, DeviceKind.BESS),
    ALARMS("alarms", Quantity.CODE, false, DeviceKind.BESS),
    FREQUENCY("frequency", Quantity.FREQUENCY, false, DeviceKind.BESS, DeviceKind.METER),
    IMPORT_ENERGY("importEnergy", Quantity.ENERGY, false, DeviceKind.METER),
    EXPORT_ENERGY("exportEnergy", Quantity.ENERGY, false, DeviceKind.METER),
    /** The device's name, as text (SunSpec's serial number). */
    SERIAL_NUMBER("serialNumber", Quantity.TEXT, false, DeviceKind.BESS, DeviceKind.METER, DeviceKind.PLANT_CONTROLLER),
    /** The device's Modbus unit id. */
    DEVICE_ADDRESS(
            "deviceAddress", Quantity.CODE, false, DeviceKind.BESS, DeviceKind.METER, DeviceKind.PLANT_CONTROLLER),
    /** 1: the plant controller commands the units; 0: the units follow their own setpoints. */
    PLANT_ENABLE("plantEnable", Quantity.CODE, true, DeviceKind.PLANT_CONTROLLER),
    /** A sequence number the EMS changes with every write; the plant controller reverts when it stops. */
    HEARTBEAT("heartbeat", Quantity.CODE, true, DeviceKind.PLANT_CONTROLLER),
    /** The fastest the plant controller changes its command, kW/s (NaN: the converter's own). */
    RAMP_LIMIT("rampLimit", Quantity.RAMP, true, DeviceKind.PLANT_CONTROLLER),
    /** Supervisory layer i's lowest battery power (NaN: none); the i-th point of the role is layer i. */
    HELD_AT_LEAST("heldAtLeast", Quantity.POWER, true, true, DeviceKind.PLANT_CONTROLLER),
    /** Supervisory layer i's highest battery power (NaN: none). */
    HELD_AT_MOST("heldAtMost", Quantity.POWER, true, true, DeviceKind.PLANT_CONTROLLER),
    /** Supervisory layer i's preferred battery power (NaN: none). */
    HELD_PREFER("heldPrefer", Quantity.POWER, true, true, DeviceKind.PLANT_CONTROLLER),
    /**
     * Which of supervisory layer i's held values move with the net load: bit 1 the lowest, 2 the
     * highest, 4 the preference (as {@code ControllerStack.heldOnNetMask}).
     */
    HELD_ON_NET("heldOnNet", Quantity.CODE, true, true, DeviceKind.PLANT_CONTROLLER),
    /** The net load the EMS's supervisory pass saw; held values on net move from it. */
    SUPERVISED_NET("supervisedNet", Quantity.POWER, true, DeviceKind.PLANT_CONTROLLER),
    /** The plant controller's last aggregate command, {@code > 0} discharge. */
    PLANT_COMMAND("plantCommand", Quantity.POWER, false, DeviceKind.PLANT_CONTROLLER),
    /** The layer that decided it: 0 the batteries' own limits, i + 1 the stack's layer i. */
    BINDING_LAYER("bindingLayer", Quantity.CODE, false, DeviceKind.PLANT_CONTROLLER),
    /** Fast cycles the plant controller has run. */
    FAST_CYCLES("fastCycles", Quantity.CODE, false, DeviceKind.PLANT_CONTROLLER);

    /** The most points an indexed role may have: one per supervisory layer index. */
    public static final int MAX_INDEX = 8;

    private final String yamlName;
    private final Quantity quantity;
    private final boolean writable;
    private final boolean indexed;
    private final Set<DeviceKind> kinds;

    Role(String yamlName, Quantity quantity, boolean writable, DeviceKind... kinds) {
        this(yamlName, quantity, writable, false, kinds);
    }

    Role(String yamlName, Quantity quantity, boolean writable, boolean indexed, DeviceKind... kinds) {
        this.indexed = indexed;
        this.yamlName = yamlName;
        this.quantity = quantity;
        this.writable = writable;
        this.kinds = EnumSet.copyOf(Arrays.asList(kinds));
    }

    public String yamlName() {
        return yamlName;
    }

    public Quantity quantity() {
        return quantity;
    }

    /** True when the point must be writable ({@code access: rw}). */
    public boolean writable() {
        return writable;
    }

    /** True when several points may have the role, the n-th (in the map's order) for index n. */
    public boolean indexed() {
        return indexed;
    }

    public boolean appliesTo(DeviceKind kind) {
        return kinds.contains(kind);
    }

    public static Role named(String name) {
        for (Role r : values()) {
            if (r.yamlName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    public static List<String> namesFor(DeviceKind kind) {
        return Arrays.stream(values())
                .filter(r -> r.appliesTo(kind))
                .map(Role::yamlName)
                .toList();
    }

    /** The roles a device of {@code kind} must have for a driver to work. */
    public static List<Role> requiredFor(DeviceKind kind) {
        return switch (kind) {
            case BESS -> List.of(POWER, SETPOINT, SOC);
            case METER -> List.of(POWER);
            case PLANT_CONTROLLER -> List.of(PLANT_ENABLE, HEARTBEAT, HELD_AT_LEAST, HELD_AT_MOST, HELD_PREFER);
        };
    }
}

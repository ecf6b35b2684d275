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
    REVERT_TIMEOUT("revertTimeout", Quantity.DURATION, true, DeviceKind.BESS),
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
    SERIAL_NUMBER("serialNumber", Quantity.TEXT, false, DeviceKind.BESS, DeviceKind.METER),
    /** The device's Modbus unit id. */
    DEVICE_ADDRESS("deviceAddress", Quantity.CODE, false, DeviceKind.BESS, DeviceKind.METER);

    private final String yamlName;
    private final Quantity quantity;
    private final boolean writable;
    private final Set<DeviceKind> kinds;

    Role(String yamlName, Quantity quantity, boolean writable, DeviceKind... kinds) {
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
        return kind == DeviceKind.BESS ? List.of(POWER, SETPOINT, SOC) : List.of(POWER);
    }
}

package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.BatteryUnitState;

/**
 * One reading of a battery unit (its PCS and BMS together), as its registers give it. Powers are net
 * AC at the unit's terminals in kW, {@code > 0} discharge; limits are positive magnitudes.
 *
 * @param powerKw        measured active power
 * @param soc            state of charge, 0..1 of usable capacity
 * @param socMin         lowest SOC the unit may be driven to
 * @param socMax         highest SOC the unit may be driven to
 * @param capacityKwh    usable energy at full charge now (nameplate times health)
 * @param stateOfHealth  capacity over nameplate, 1 when new
 * @param maxDischargeKw the discharge the unit accepts now (its own limits, SOC tapers included)
 * @param maxChargeKw    the charge the unit accepts now
 * @param setpointKw     the active power setpoint the unit holds
 * @param state          operating state
 * @param alarmBits      the unit's alarm bit field, 0 when none
 * @param epochMs        when the reading completed (UTC ms)
 */
public record BessReading(
        double powerKw,
        double soc,
        double socMin,
        double socMax,
        double capacityKwh,
        double stateOfHealth,
        double maxDischargeKw,
        double maxChargeKw,
        double setpointKw,
        BatteryUnitState state,
        int alarmBits,
        long epochMs)
        implements DeviceReading {
    public double storedEnergyKwh() {
        return soc * capacityKwh;
    }
}

package dev.chikuden.battery;

/**
 * An energy-reservoir battery as configured. Validation with user-facing messages happens where
 * the configuration is read; the checks here guard programmatic use.
 *
 * @param name                identifies the battery in results
 * @param energyKwh           nameplate energy; SOC is stored energy over this
 * @param chargePowerKw       AC charge limit of the converter
 * @param dischargePowerKw    AC discharge limit of the converter
 * @param chargeEfficiency    AC to stored, (0, 1]
 * @param dischargeEfficiency stored to AC, (0, 1]
 * @param socMin              lower end of the SOC window
 * @param socMax              upper end of the SOC window
 * @param initialSoc          SOC at the start, inside the window
 * @param auxiliaryKw         standby and auxiliary load drawn from the AC bus at all times
 */
public record BatteryParameters(String name, double energyKwh, double chargePowerKw, double dischargePowerKw,
                                double chargeEfficiency, double dischargeEfficiency, double socMin,
                                double socMax, double initialSoc, double auxiliaryKw) {
    public BatteryParameters {
        if (!(energyKwh > 0) || !(chargePowerKw >= 0) || !(dischargePowerKw >= 0) || !(auxiliaryKw >= 0)) {
            throw new IllegalArgumentException("energy must be positive and powers non-negative: " + name);
        }
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1) || !(dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must lie in (0, 1]: " + name);
        }
        if (!(0 <= socMin && socMin < socMax && socMax <= 1) || !(socMin <= initialSoc && initialSoc <= socMax)) {
            throw new IllegalArgumentException("need 0 <= socMin < socMax <= 1 and initialSoc inside: " + name);
        }
    }

    /** Energy between the ends of the SOC window. */
    public double usableEnergyKwh() {
        return energyKwh * (socMax - socMin);
    }

    /** Round-trip efficiency AC to AC, without auxiliaries. */
    public double roundTripEfficiency() {
        return chargeEfficiency * dischargeEfficiency;
    }
}

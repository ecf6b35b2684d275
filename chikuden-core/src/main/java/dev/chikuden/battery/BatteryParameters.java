package dev.chikuden.battery;

import dev.chikuden.aging.AgingSpec;
import dev.chikuden.battery.ecm.EquivalentCircuitParameters;

/**
 * A battery system as configured. Validation with user-facing messages happens where the
 * configuration is read; the checks here guard programmatic use.
 *
 * @param name             identifies the battery in results
 * @param energyKwh        nameplate energy; SOC is stored energy over nameplate times SOH
 * @param chargePowerKw    AC charge rating of the converter
 * @param dischargePowerKw AC discharge rating of the converter
 * @param socMin           lower end of the SOC window
 * @param socMax           upper end of the SOC window
 * @param initialSoc       SOC at the start, inside the window
 * @param conversion       PCS efficiency curve and DC efficiencies
 * @param limits           SOC tapers and C-rate limits
 * @param standbyKw        auxiliary load drawn at all times (controls, lighting, fans)
 * @param thermal          container thermal model and HVAC; null: cells at ambient, no HVAC load
 * @param aging            capacity-fade model; null: no aging
 * @param endOfLifeSoh     SOH at which the battery counts as at its end of life
 * @param augmentation     when to add cells
 * @param voltageModel     equivalent circuit of the pack for sub-second studies; null: the DC
 *                         efficiencies of {@code conversion} apply instead
 */
public record BatteryParameters(
        String name,
        double energyKwh,
        double chargePowerKw,
        double dischargePowerKw,
        double socMin,
        double socMax,
        double initialSoc,
        Conversion conversion,
        PowerLimits limits,
        double standbyKw,
        Thermal thermal,
        AgingSpec aging,
        double endOfLifeSoh,
        Augmentation augmentation,
        EquivalentCircuitParameters voltageModel) {
    public BatteryParameters {
        if (!(energyKwh > 0) || !(chargePowerKw >= 0) || !(dischargePowerKw >= 0) || !(standbyKw >= 0)) {
            throw new IllegalArgumentException("energy must be positive and powers non-negative: " + name);
        }
        if (!(conversion.dcChargeEfficiency() > 0 && conversion.dcChargeEfficiency() <= 1)
                || !(conversion.dcDischargeEfficiency() > 0 && conversion.dcDischargeEfficiency() <= 1)
                || !(conversion.pcsEfficiency().min() > 0
                        && conversion.pcsEfficiency().max() <= 1)) {
            throw new IllegalArgumentException("efficiencies must lie in (0, 1]: " + name);
        }
        if (!(0 <= socMin && socMin < socMax && socMax <= 1) || !(socMin <= initialSoc && initialSoc <= socMax)) {
            throw new IllegalArgumentException("need 0 <= socMin < socMax <= 1 and initialSoc inside: " + name);
        }
    }

    /** The plain energy reservoir: constant one-way efficiencies, a constant auxiliary load, no aging. */
    public static BatteryParameters reservoir(
            String name,
            double energyKwh,
            double chargePowerKw,
            double dischargePowerKw,
            double chargeEfficiency,
            double dischargeEfficiency,
            double socMin,
            double socMax,
            double initialSoc,
            double auxiliaryKw) {
        return new BatteryParameters(
                name,
                energyKwh,
                chargePowerKw,
                dischargePowerKw,
                socMin,
                socMax,
                initialSoc,
                Conversion.simple(chargeEfficiency, dischargeEfficiency),
                PowerLimits.NONE,
                auxiliaryKw,
                null,
                null,
                0.8,
                Augmentation.NONE,
                null);
    }

    /** This battery starting at {@code soc}, held inside its SOC window. */
    public BatteryParameters withInitialSoc(double soc) {
        return new BatteryParameters(
                name,
                energyKwh,
                chargePowerKw,
                dischargePowerKw,
                socMin,
                socMax,
                Math.min(socMax, Math.max(socMin, soc)),
                conversion,
                limits,
                standbyKw,
                thermal,
                aging,
                endOfLifeSoh,
                augmentation,
                voltageModel);
    }

    /** Energy between the ends of the SOC window, when new. */
    public double usableEnergyKwh() {
        return energyKwh * (socMax - socMin);
    }
}

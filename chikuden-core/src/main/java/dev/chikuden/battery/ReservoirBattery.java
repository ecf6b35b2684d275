package dev.chikuden.battery;

/**
 * The energy-reservoir model: stored energy moves by the converter's power times the charge
 * efficiency (charging) or divided by the discharge efficiency (discharging); auxiliaries draw a
 * constant load from the AC bus. Limits: converter ratings and the SOC window, both enforced on
 * every step. State is a handful of doubles; a step allocates nothing.
 */
public final class ReservoirBattery implements Battery {
    private final BatteryParameters p;
    private final double storedStartKwh;
    private double storedKwh;
    private double stateOfHealth = 1;

    private double acChargedKwh;
    private double acDischargedKwh;
    private double conversionLossKwh;
    private double auxiliaryKwh;
    private double storedTurnoverKwh;

    public ReservoirBattery(BatteryParameters parameters) {
        this.p = parameters;
        this.storedKwh = parameters.initialSoc() * parameters.energyKwh();
        this.storedStartKwh = storedKwh;
    }

    public BatteryParameters parameters() {
        return p;
    }

    @Override
    public double apply(double requestKw, double stepS) {
        double hours = stepS / 3600.0;
        double pcsKw = requestKw + p.auxiliaryKw();
        double before = storedKwh;
        if (pcsKw > 0) {
            pcsKw = Math.min(pcsKw, pcsDischargeLimitKw(hours));
            double outKwh = pcsKw * hours;
            double drawnKwh = outKwh / p.dischargeEfficiency();
            storedKwh = Math.max(storedKwh - drawnKwh, minStoredKwh());
            acDischargedKwh += outKwh;
            conversionLossKwh += (before - storedKwh) - outKwh;
        } else if (pcsKw < 0) {
            pcsKw = -Math.min(-pcsKw, pcsChargeLimitKw(hours));
            double inKwh = -pcsKw * hours;
            storedKwh = Math.min(storedKwh + inKwh * p.chargeEfficiency(), maxStoredKwh());
            acChargedKwh += inKwh;
            conversionLossKwh += inKwh - (storedKwh - before);
        }
        auxiliaryKwh += p.auxiliaryKw() * hours;
        storedTurnoverKwh += Math.abs(storedKwh - before);
        return pcsKw - p.auxiliaryKw();
    }

    private double pcsDischargeLimitKw(double hours) {
        double energyLimitKw = (storedKwh - minStoredKwh()) * p.dischargeEfficiency() / hours;
        return Math.max(0, Math.min(p.dischargePowerKw(), energyLimitKw));
    }

    private double pcsChargeLimitKw(double hours) {
        double energyLimitKw = (maxStoredKwh() - storedKwh) / p.chargeEfficiency() / hours;
        return Math.max(0, Math.min(p.chargePowerKw(), energyLimitKw));
    }

    private double minStoredKwh() {
        return p.socMin() * capacityKwh();
    }

    private double maxStoredKwh() {
        return p.socMax() * capacityKwh();
    }

    @Override
    public double maxDischargeKw(double stepS) {
        return pcsDischargeLimitKw(stepS / 3600.0) - p.auxiliaryKw();
    }

    @Override
    public double maxChargeKw(double stepS) {
        return pcsChargeLimitKw(stepS / 3600.0) + p.auxiliaryKw();
    }

    @Override
    public double soc() {
        return storedKwh / capacityKwh();
    }

    @Override
    public double storedEnergyKwh() {
        return storedKwh;
    }

    @Override
    public double capacityKwh() {
        return p.energyKwh() * stateOfHealth;
    }

    @Override
    public double socMin() {
        return p.socMin();
    }

    @Override
    public double socMax() {
        return p.socMax();
    }

    @Override
    public double stateOfHealth() {
        return stateOfHealth;
    }

    @Override
    public BatteryLedger ledger() {
        return new BatteryLedger(acChargedKwh, acDischargedKwh, conversionLossKwh, auxiliaryKwh,
                storedStartKwh, storedKwh, storedTurnoverKwh, p.energyKwh());
    }
}

package dev.chikuden.battery;

/**
 * Energy accounts of a battery over a run, all in kWh. They close exactly:
 * {@code acCharged + auxiliary = acDischarged + conversionLoss + auxiliary + fade + (storedEnd - storedStart)},
 * that is {@code acCharged = acDischarged + conversionLoss + fade + storedChange}.
 *
 * @param acChargedKwh     energy taken in by the power conversion system (AC side)
 * @param acDischargedKwh  energy delivered by the power conversion system (AC side)
 * @param conversionLossKwh charge and discharge losses
 * @param auxiliaryKwh     energy drawn by auxiliaries (HVAC, controls), from the AC bus
 * @param fadeKwh          stored energy lost with capacity that faded (the SOC is kept)
 * @param storedStartKwh   stored energy at the start
 * @param storedEndKwh     stored energy at the end
 * @param storedTurnoverKwh sum of |change in stored energy|, for equivalent full cycles
 * @param capacityKwh      nameplate capacity (for equivalent full cycles)
 */
public record BatteryLedger(
        double acChargedKwh,
        double acDischargedKwh,
        double conversionLossKwh,
        double auxiliaryKwh,
        double fadeKwh,
        double storedStartKwh,
        double storedEndKwh,
        double storedTurnoverKwh,
        double capacityKwh) {

    public static final BatteryLedger EMPTY = new BatteryLedger(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** AC energy through the converter, both directions. */
    public double throughputKwh() {
        return acChargedKwh + acDischargedKwh;
    }

    /** Conversion losses plus auxiliary consumption (fade is not counted: it is capacity, not efficiency). */
    public double lossesKwh() {
        return conversionLossKwh + auxiliaryKwh;
    }

    /** Stored-energy turnover over twice the capacity (a full cycle moves it down and up). */
    public double equivalentFullCycles() {
        return capacityKwh > 0 ? storedTurnoverKwh / (2 * capacityKwh) : 0;
    }

    /** The accounts of the period from {@code earlier} to this (flows subtract; stored energy runs on). */
    public BatteryLedger since(BatteryLedger earlier) {
        return new BatteryLedger(
                acChargedKwh - earlier.acChargedKwh,
                acDischargedKwh - earlier.acDischargedKwh,
                conversionLossKwh - earlier.conversionLossKwh,
                auxiliaryKwh - earlier.auxiliaryKwh,
                fadeKwh - earlier.fadeKwh,
                earlier.storedEndKwh,
                storedEndKwh,
                storedTurnoverKwh - earlier.storedTurnoverKwh,
                capacityKwh);
    }

    /** Sum of two ledgers (a bank of batteries). */
    public BatteryLedger plus(BatteryLedger o) {
        return new BatteryLedger(
                acChargedKwh + o.acChargedKwh,
                acDischargedKwh + o.acDischargedKwh,
                conversionLossKwh + o.conversionLossKwh,
                auxiliaryKwh + o.auxiliaryKwh,
                fadeKwh + o.fadeKwh,
                storedStartKwh + o.storedStartKwh,
                storedEndKwh + o.storedEndKwh,
                storedTurnoverKwh + o.storedTurnoverKwh,
                capacityKwh + o.capacityKwh);
    }
}

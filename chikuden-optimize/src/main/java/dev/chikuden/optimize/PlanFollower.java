package dev.chikuden.optimize;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.EnergyPacer;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;

/**
 * Follows an optimal plan: each period's net AC energy, paced as an energy schedule (the rest of
 * the period's energy evenly over the time left), and the plan's stored energy. A battery never
 * ends a period exactly where the plan says: its fade, losses the LP linearised and a demand
 * limiter that took more than the plan all move it away, and an open-loop schedule would carry
 * every such error to the end of the study, running the battery empty before a peak the plan
 * holds. So at each period's start the follower adds to the period's energy a share of the stored
 * energy's gap to the plan (what a discharge may draw, or a charge must bring, at the rated
 * efficiencies), closing the gap over {@code 1 / share} periods.
 */
final class PlanFollower implements ControlLayer {
    private final EnergyPacer pacer;
    private final double[] energyKwh;
    private final double[] plannedStoredKwh;
    private final double initialKwh;
    private final double share;
    private final double chargeEfficiency;
    private final double dischargeEfficiency;
    private long period = Long.MIN_VALUE;
    private double targetKwh;

    /**
     * @param energyKwh        net AC energy of each period, {@code > 0} discharge
     * @param plannedStoredKwh stored energy at the end of each period
     * @param initialKwh       stored energy at the start of the plan
     * @param share            the share of the gap to close in one period, 0 for none
     */
    PlanFollower(
            long startEpochMs,
            long periodMs,
            double[] energyKwh,
            double[] plannedStoredKwh,
            double initialKwh,
            double share,
            double chargeEfficiency,
            double dischargeEfficiency) {
        if (energyKwh.length != plannedStoredKwh.length || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("need one stored energy per period and a share within 0..1");
        }
        this.pacer = new EnergyPacer(startEpochMs, periodMs);
        this.energyKwh = energyKwh.clone();
        this.plannedStoredKwh = plannedStoredKwh.clone();
        this.initialKwh = initialKwh;
        this.share = share;
        this.chargeEfficiency = chargeEfficiency;
        this.dischargeEfficiency = dischargeEfficiency;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        long t = pacer.slotOf(m.epochMs());
        if (t < 0 || t >= energyKwh.length) {
            return;
        }
        if (t != period) {
            period = t;
            double plannedNow = t == 0 ? initialKwh : plannedStoredKwh[(int) t - 1];
            double gapKwh = (battery.storedEnergyKwh() - plannedNow) * share;
            targetKwh = energyKwh[(int) t] + (gapKwh > 0 ? gapKwh * dischargeEfficiency : gapKwh / chargeEfficiency);
        }
        window.prefer(pacer.powerKw(m.epochMs(), targetKwh));
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        pacer.credit(batteryKw, m.epochMs(), m.stepS());
    }
}

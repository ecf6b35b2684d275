package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Discharges to hold grid power at {@code dischargeAboveKw} when the site would exceed it, and
 * recharges when the site is below {@code chargeBelowKw}, no faster than keeps the grid at that
 * level (so recharging never creates a new peak). Between the two thresholds it rests.
 */
public final class PeakShavingController implements Controller {
    private final double dischargeAboveKw;
    private final double chargeBelowKw;

    public PeakShavingController(double dischargeAboveKw, double chargeBelowKw) {
        if (chargeBelowKw > dischargeAboveKw) {
            throw new IllegalArgumentException(
                    "chargeBelowKw " + chargeBelowKw + " exceeds dischargeAboveKw " + dischargeAboveKw);
        }
        this.dischargeAboveKw = dischargeAboveKw;
        this.chargeBelowKw = chargeBelowKw;
    }

    @Override
    public String name() {
        return "peak-shaving";
    }

    @Override
    public double requestKw(Measurements m, BatteryView battery) {
        double net = m.netLoadKw();
        if (net > dischargeAboveKw) {
            return net - dischargeAboveKw;
        }
        if (net < chargeBelowKw) {
            return net - chargeBelowKw;
        }
        return 0;
    }
}

package dev.chikuden.ems.runtime;

/**
 * Shares a site battery power over the units in proportion to each unit's headroom in that
 * direction: the site request is cut to the sum of the headrooms, every unit gets the same fraction
 * of its own, so none is asked past its limit and units with less room are asked for less (as
 * {@code BatteryBank} shares a request over simulated units). Allocates nothing.
 */
final class SetpointSplit {
    private SetpointSplit() {}

    /**
     * @param siteKw         the site request ({@code > 0} discharge); NaN counts as 0
     * @param maxDischargeKw each unit's discharge limit now ({@code >= 0})
     * @param maxChargeKw    each unit's charge limit now ({@code >= 0})
     * @param out            receives each unit's setpoint
     * @return the sum of the setpoints
     */
    static double split(double siteKw, double[] maxDischargeKw, double[] maxChargeKw, double[] out) {
        boolean discharge = !(siteKw < 0);
        double[] limits = discharge ? maxDischargeKw : maxChargeKw;
        double headroom = 0;
        for (double l : limits) {
            headroom += l;
        }
        double want = Math.abs(siteKw);
        double share = headroom > 0 && want > 0 ? Math.min(1, want / headroom) : 0;
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            double kw = Math.min(limits[i], share * limits[i]); // share <= 1: the unit's own clamp, kept explicit
            kw = (discharge ? kw : -kw) + 0.0; // no -0.0 on the wire
            out[i] = kw;
            total += kw;
        }
        return total;
    }
}

package dev.chikuden.optimize;

/**
 * An optimal dispatch and what it costs. Per-period arrays are kW means (stored energy: kWh at the
 * end of the period). Money is yen; {@code objectiveYen} is the sum of its parts, and
 * {@code lpObjectiveValue} the value of the LP exactly as built (and as written to MPS): thousand
 * yen, without the parts that do not depend on the dispatch, {@code lpConstantYen} (the net
 * load's energy at its prices, a fixed contract's basic charge), so that
 * {@code objectiveYen = 1000 x lpObjectiveValue + lpConstantYen}. {@code auxiliaryKw} is the battery's
 * auxiliary load the LP puts on the grid in each period (standby and HVAC): the battery's own net AC
 * power is {@code dischargeKw - chargeKw - auxiliaryKw}. {@code offerKw[k][t]} is the capacity offered
 * in product {@code k} of the problem's reserves in period {@code t}; the expected activation energy
 * of those offers is not in {@code dischargeKw} but leaves the store all the same (see
 * {@link DispatchProblem.ReserveMarket}).
 */
public record DispatchSolution(
        String solver,
        int periods,
        double[] chargeKw,
        double[] dischargeKw,
        double[] storedKwh,
        double[] importKw,
        double[] exportKw,
        double[] auxiliaryKw,
        double[][] offerKw,
        double[] monthPeakKw,
        double[] monthContractKw,
        Costs costs,
        double lpObjectiveValue,
        double lpConstantYen,
        double buildSeconds,
        double solveSeconds) {
    /** Battery AC power of period {@code t}, {@code > 0} discharge. */
    public double batteryKw(int t) {
        return dischargeKw[t] - chargeKw[t];
    }

    /** The battery power of every period, {@code > 0} discharge. */
    public double[] batteryKw() {
        double[] p = new double[periods];
        for (int t = 0; t < periods; t++) {
            p[t] = batteryKw(t);
        }
        return p;
    }

    /** The capacity offered in all reserve products, per period. */
    public double[] reserveKw() {
        double[] r = new double[periods];
        for (double[] k : offerKw) {
            for (int t = 0; t < periods; t++) {
                r[t] += k[t];
            }
        }
        return r;
    }

    /** The largest contract of any month: the agreed kW when fixed or optimised. */
    public double contractKw() {
        double c = 0;
        for (double v : monthContractKw) {
            c = Math.max(c, v);
        }
        return c;
    }

    /**
     * @param energyCostYen   imported energy at its unit prices
     * @param exportRevenueYen exported energy at its prices
     * @param basicChargeYen  contract kW times the basic rate, every month
     * @param excessChargeYen penalty on demand above an agreed contract
     * @param degradationCostYen wear at its yen per kWh discharged, activation energy included
     * @param reserveRevenueYen reserve capacity at its price and the expected activation energy at
     *                          the upward price
     */
    public record Costs(
            double energyCostYen,
            double exportRevenueYen,
            double basicChargeYen,
            double excessChargeYen,
            double degradationCostYen,
            double reserveRevenueYen) {
        public double objectiveYen() {
            return energyCostYen
                    - exportRevenueYen
                    + basicChargeYen
                    + excessChargeYen
                    + degradationCostYen
                    - reserveRevenueYen;
        }

        /** What the site pays its utility: the bill the dispatch leads to, before rounding. */
        public double billYen() {
            return energyCostYen - exportRevenueYen + basicChargeYen + excessChargeYen;
        }
    }
}

package dev.chikuden.optimize;

import java.util.Arrays;

/**
 * One dispatch optimisation: a battery at a site over equal periods (30 or 15 min), with the
 * site's net load, the tariff's unit prices, its demand charges and an optional reserve market.
 * Powers are kW (period means), energies kWh, money yen. The battery's losses are linear: constant
 * one-way efficiencies, the auxiliaries a constant load folded into {@code netLoadKw}.
 *
 * @param startEpochMs   start of period 0
 * @param periodMs       length of a period
 * @param netLoadKw      site load less PV plus the battery's standby load, per period ({@code < 0}: surplus)
 * @param importYenPerKwh every per-kWh charge on an imported kWh, tax included
 * @param exportYenPerKwh what an exported kWh earns
 * @param exportLimitKw  how much may flow out per period: unlimited where exports are sold, else
 *                       only the PV surplus (spilled, or sold at its price)
 * @param importLimitKw  the connection's import limit; infinite for none
 * @param storage        the battery; null to price the site without one
 * @param demand         the demand charge; null for none
 * @param reserve        a reserve product sold from the battery; null for none
 */
public record DispatchProblem(long startEpochMs, long periodMs, double[] netLoadKw, double[] importYenPerKwh,
                              double[] exportYenPerKwh, double[] exportLimitKw, double importLimitKw, Storage storage,
                              DemandCharge demand, ReserveMarket reserve) {
    public DispatchProblem {
        int n = netLoadKw.length;
        if (n == 0 || importYenPerKwh.length != n || exportYenPerKwh.length != n || exportLimitKw.length != n) {
            throw new IllegalArgumentException("need at least one period and one price and export limit per period");
        }
        requireFinite("netLoadKw", netLoadKw);
        requireFinite("importYenPerKwh", importYenPerKwh);
        requireFinite("exportYenPerKwh", exportYenPerKwh);
        if (demand != null && demand.monthOfPeriod().length != n) {
            throw new IllegalArgumentException("demand.monthOfPeriod needs one month per period");
        }
        if (reserve != null && reserve.priceYenPerKwH().length != n) {
            throw new IllegalArgumentException("reserve.priceYenPerKwH needs one price per period");
        }
    }

    public int periods() {
        return netLoadKw.length;
    }

    public double periodHours() {
        return periodMs / 3_600_000.0;
    }

    /** The same problem with another battery (sizing), or none. */
    public DispatchProblem withStorage(Storage s) {
        return new DispatchProblem(startEpochMs, periodMs, netLoadKw, importYenPerKwh, exportYenPerKwh, exportLimitKw,
                importLimitKw, s, demand, reserve);
    }

    /**
     * The battery as the LP sees it. Stored energy is bounded by {@code [floorKwh, maxKwh]}; the
     * floor is the SOC minimum raised by any backup reserve.
     *
     * @param terminalMinKwh   stored energy the last period must end with at least
     * @param degradationYenPerKwh cost of wear per kWh discharged (AC)
     */
    public record Storage(double chargeKw, double dischargeKw, double chargeEfficiency, double dischargeEfficiency,
                          double floorKwh, double maxKwh, double initialKwh, double terminalMinKwh,
                          double degradationYenPerKwh) {
        public Storage {
            if (!(chargeKw >= 0 && dischargeKw >= 0 && chargeEfficiency > 0 && chargeEfficiency <= 1
                    && dischargeEfficiency > 0 && dischargeEfficiency <= 1 && floorKwh >= 0 && maxKwh >= floorKwh
                    && initialKwh >= 0 && initialKwh <= maxKwh && degradationYenPerKwh >= 0)) {
                throw new IllegalArgumentException("storage out of range: " + this);
            }
        }

        public Storage withInitialKwh(double kwh) {
            return new Storage(chargeKw, dischargeKw, chargeEfficiency, dischargeEfficiency, floorKwh, maxKwh, kwh,
                    terminalMinKwh, degradationYenPerKwh);
        }
    }

    /** How the contract kW of each month is set and charged. */
    public enum ContractMode {
        /** An agreed contract: its basic charge is fixed, demand above it pays the excess penalty. */
        FIXED,
        /** The agreed contract is chosen by the optimisation (one value for the whole horizon). */
        OPTIMISED,
        /** The contract of month m is the largest demand of months m-11..m and the history before. */
        RATCHET
    }

    /**
     * Demand charges on the 30-minute demand (the mean import of a slot of {@code periodsPerSlot}
     * periods, slots aligned with the start).
     *
     * @param monthOfPeriod       index of the billing month of each period, 0-based, non-decreasing
     * @param basicYenPerKwMonth  basic charge on one kW of contract, per month (tax, power factor and
     *                            the part of the month covered included)
     * @param excessYenPerKw      penalty on one kW of demand above the agreed contract, per month
     * @param contractKw          the agreed contract (FIXED), or the largest demand before the
     *                            series (RATCHET); ignored when OPTIMISED
     * @param peakFloorKw         demand already reached in each month before the horizon (MPC); 0 for none
     */
    public record DemandCharge(int periodsPerSlot, int[] monthOfPeriod, double[] basicYenPerKwMonth,
                               double[] excessYenPerKw, ContractMode mode, double contractKw, double[] peakFloorKw) {
        public DemandCharge {
            int months = basicYenPerKwMonth.length;
            if (periodsPerSlot < 1 || excessYenPerKw.length != months || peakFloorKw.length != months) {
                throw new IllegalArgumentException("one basic rate, excess rate and peak floor per month");
            }
            for (int i = 0; i < monthOfPeriod.length; i++) {
                if (monthOfPeriod[i] < 0 || monthOfPeriod[i] >= months || i > 0 && monthOfPeriod[i] < monthOfPeriod[i - 1]) {
                    throw new IllegalArgumentException("monthOfPeriod must be non-decreasing indices below " + months);
                }
            }
        }

        public int months() {
            return basicYenPerKwMonth.length;
        }
    }

    /**
     * An upward reserve product (e.g. EPRX primary): capacity offered in blocks holds discharge
     * headroom and the energy to deliver it for {@code durationHours}, and earns its price.
     *
     * @param priceYenPerKwH yen per kW offered per hour, per period
     * @param blockPeriods   periods per block; the offer is constant within a block
     * @param maxKw          the largest offer (product or prequalification limit)
     */
    public record ReserveMarket(String product, double[] priceYenPerKwH, double durationHours, int blockPeriods,
                                double maxKw) {
        public ReserveMarket {
            if (!(durationHours > 0) || blockPeriods < 1 || !(maxKw >= 0)) {
                throw new IllegalArgumentException("reserve needs duration > 0, blockPeriods >= 1, maxKw >= 0");
            }
        }
    }

    private static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + v[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "DispatchProblem[" + periods() + " periods of " + periodMs / 60_000 + " min, storage=" + storage
                + ", demand=" + (demand == null ? "none" : demand.mode() + " " + demand.contractKw() + " kW")
                + ", reserve=" + (reserve == null ? "none" : reserve.product()) + ", net load "
                + Arrays.stream(netLoadKw).summaryStatistics() + "]";
    }
}

package dev.chikuden.optimize;

import dev.chikuden.battery.PiecewiseLinear;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One dispatch optimisation: a battery at a site over equal periods (30 or 15 min), with the
 * site's net load, the tariff's unit prices, its demand charges and an optional reserve market.
 * Powers are kW (period means), energies kWh, money yen. The battery's losses are linear: constant
 * one-way efficiencies, the auxiliaries a constant load folded into {@code netLoadKw}.
 *
 * @param startEpochMs   start of period 0
 * @param periodMs       length of a period
 * @param netLoadKw      site load less PV plus the battery's auxiliaries, per period ({@code < 0}: surplus)
 * @param importYenPerKwh every per-kWh charge on an imported kWh, tax included
 * @param exportYenPerKwh what an exported kWh earns
 * @param exportLimitKw  how much may flow out per period: unlimited where exports are sold, else
 *                       only the PV surplus (spilled, or sold at its price)
 * @param importLimitKw  the connection's import limit; infinite for none
 * @param storage        the battery; null to price the site without one
 * @param demand         the demand charge; null for none
 * @param reserves       the reserve products sold from the battery (none: empty or null); one kW and one kWh
 *                       serve one product at a time, and none of what the energy trades use
 * @param auxiliaryKw    the part of {@code netLoadKw} that is the battery's own auxiliary load at rest
 *                       (standby, HVAC against the ambient), per period: the grid pays it in the LP, so
 *                       the battery's net AC power is the LP's power less this
 * @param heldKwh        energy held in each period for a duty outside the markets; null for none
 * @param connectionExportKw what the connection lets flow out beyond the site's load
 * @param positionKw     the grid position already sold per period, {@code import - export} in kW (a
 *                       day-ahead position the battery holds); NaN where the flow is free (null: free
 *                       everywhere)
 */
public record DispatchProblem(
        long startEpochMs,
        long periodMs,
        double[] netLoadKw,
        double[] importYenPerKwh,
        double[] exportYenPerKwh,
        double[] exportLimitKw,
        double importLimitKw,
        Storage storage,
        DemandCharge demand,
        List<ReserveMarket> reserves,
        double[] auxiliaryKw,
        double[] heldKwh,
        double connectionExportKw,
        double[] positionKw) {
    public DispatchProblem {
        reserves = reserves == null ? List.of() : List.copyOf(reserves);
        int n = netLoadKw.length;
        if (n == 0
                || importYenPerKwh.length != n
                || exportYenPerKwh.length != n
                || exportLimitKw.length != n
                || auxiliaryKw.length != n) {
            throw new IllegalArgumentException(
                    "need at least one period and one price, export limit and " + "auxiliary load per period");
        }
        requireFinite("netLoadKw", netLoadKw);
        requireFinite("importYenPerKwh", importYenPerKwh);
        requireFinite("exportYenPerKwh", exportYenPerKwh);
        if (demand != null && demand.monthOfPeriod().length != n) {
            throw new IllegalArgumentException("demand.monthOfPeriod needs one month per period");
        }
        for (ReserveMarket r : reserves) {
            if (r.priceYenPerKwH().length != n || r.activationYenPerKwh().length != n) {
                throw new IllegalArgumentException(
                        "reserve " + r.product() + " needs one capacity and one activation price per period");
            }
            requireFinite(r.product() + ".priceYenPerKwH", r.priceYenPerKwH());
            requireFinite(r.product() + ".activationYenPerKwh", r.activationYenPerKwh());
        }
        if (heldKwh != null && heldKwh.length != n) {
            throw new IllegalArgumentException("heldKwh needs one energy per period");
        }
        if (positionKw != null && positionKw.length != n) {
            throw new IllegalArgumentException("positionKw needs one power (or NaN) per period");
        }
    }

    /** A problem whose grid flow is free in every period. */
    public DispatchProblem(
            long startEpochMs,
            long periodMs,
            double[] netLoadKw,
            double[] importYenPerKwh,
            double[] exportYenPerKwh,
            double[] exportLimitKw,
            double importLimitKw,
            Storage storage,
            DemandCharge demand,
            List<ReserveMarket> reserves,
            double[] auxiliaryKw,
            double[] heldKwh,
            double connectionExportKw) {
        this(
                startEpochMs,
                periodMs,
                netLoadKw,
                importYenPerKwh,
                exportYenPerKwh,
                exportLimitKw,
                importLimitKw,
                storage,
                demand,
                reserves,
                auxiliaryKw,
                heldKwh,
                connectionExportKw,
                null);
    }

    /** A problem without duty to hold energy, its connection limiting no export beyond {@code exportLimitKw}. */
    public DispatchProblem(
            long startEpochMs,
            long periodMs,
            double[] netLoadKw,
            double[] importYenPerKwh,
            double[] exportYenPerKwh,
            double[] exportLimitKw,
            double importLimitKw,
            Storage storage,
            DemandCharge demand,
            List<ReserveMarket> reserves,
            double[] auxiliaryKw) {
        this(
                startEpochMs,
                periodMs,
                netLoadKw,
                importYenPerKwh,
                exportYenPerKwh,
                exportLimitKw,
                importLimitKw,
                storage,
                demand,
                reserves,
                auxiliaryKw,
                null,
                Double.POSITIVE_INFINITY);
    }

    /** A problem without battery auxiliaries in its net load. */
    public DispatchProblem(
            long startEpochMs,
            long periodMs,
            double[] netLoadKw,
            double[] importYenPerKwh,
            double[] exportYenPerKwh,
            double[] exportLimitKw,
            double importLimitKw,
            Storage storage,
            DemandCharge demand,
            List<ReserveMarket> reserves) {
        this(
                startEpochMs,
                periodMs,
                netLoadKw,
                importYenPerKwh,
                exportYenPerKwh,
                exportLimitKw,
                importLimitKw,
                storage,
                demand,
                reserves,
                new double[netLoadKw.length]);
    }

    /** The position sold for period {@code t}, kW of {@code import - export}; NaN where the flow is free. */
    public double positionKw(int t) {
        return positionKw == null ? Double.NaN : positionKw[t];
    }

    /** The energy held in period {@code t} for a duty outside the markets, kWh. */
    public double heldKwh(int t) {
        return heldKwh == null ? 0 : heldKwh[t];
    }

    public int periods() {
        return netLoadKw.length;
    }

    public double periodHours() {
        return periodMs / 3_600_000.0;
    }

    /** The same problem with another battery (sizing), or none. */
    public DispatchProblem withStorage(Storage s) {
        return new DispatchProblem(
                startEpochMs,
                periodMs,
                netLoadKw,
                importYenPerKwh,
                exportYenPerKwh,
                exportLimitKw,
                importLimitKw,
                s,
                demand,
                reserves,
                auxiliaryKw,
                heldKwh,
                connectionExportKw,
                positionKw);
    }

    /**
     * The site without its battery: no storage, and none of the battery's auxiliaries in the net
     * load (a surplus that the auxiliaries took is now exported, where exports are limited to it).
     */
    public DispatchProblem withoutBattery() {
        double[] net = new double[netLoadKw.length];
        double[] exportLimit = exportLimitKw.clone();
        for (int t = 0; t < net.length; t++) {
            net[t] = netLoadKw[t] - auxiliaryKw[t];
            if (exportLimit[t] != Double.POSITIVE_INFINITY) {
                exportLimit[t] = Math.max(0, -net[t]);
            }
        }
        return new DispatchProblem(
                startEpochMs,
                periodMs,
                net,
                importYenPerKwh,
                exportYenPerKwh,
                exportLimit,
                importLimitKw,
                null,
                demand,
                List.of(),
                new double[net.length],
                null,
                connectionExportKw);
    }

    /**
     * The battery as the LP sees it. Stored energy is bounded by {@code [floorKwh, maxKwh]}; the
     * floor is the SOC minimum raised by any backup reserve. The one-way efficiencies are those at
     * the rated power; with {@code physics} the LP takes them at each period's operating point
     * instead, and adds the SOC tapers and the HVAC load of the battery's losses.
     *
     * @param chargeKw         the largest AC charge, C-rate limit included
     * @param dischargeKw      the largest AC discharge, C-rate limit included
     * @param terminalMinKwh   stored energy the last period must end with at least
     * @param degradationYenPerKwh cost of wear per kWh discharged (AC)
     * @param physics          what the battery model enforces beyond a linear store; null for a plain reservoir
     */
    public record Storage(
            double chargeKw,
            double dischargeKw,
            double chargeEfficiency,
            double dischargeEfficiency,
            double floorKwh,
            double maxKwh,
            double initialKwh,
            double terminalMinKwh,
            double degradationYenPerKwh,
            Physics physics) {
        public Storage {
            if (!(chargeKw >= 0
                    && dischargeKw >= 0
                    && chargeEfficiency > 0
                    && chargeEfficiency <= 1
                    && dischargeEfficiency > 0
                    && dischargeEfficiency <= 1
                    && floorKwh >= 0
                    && maxKwh >= floorKwh
                    && initialKwh >= 0
                    && initialKwh <= maxKwh
                    && degradationYenPerKwh >= 0)) {
                throw new IllegalArgumentException("storage out of range: " + this);
            }
        }

        /** A plain reservoir: constant efficiencies, no tapers, no HVAC. */
        public Storage(
                double chargeKw,
                double dischargeKw,
                double chargeEfficiency,
                double dischargeEfficiency,
                double floorKwh,
                double maxKwh,
                double initialKwh,
                double terminalMinKwh,
                double degradationYenPerKwh) {
            this(
                    chargeKw,
                    dischargeKw,
                    chargeEfficiency,
                    dischargeEfficiency,
                    floorKwh,
                    maxKwh,
                    initialKwh,
                    terminalMinKwh,
                    degradationYenPerKwh,
                    null);
        }

        /** The stored-energy window in words, for a message. */
        public String window() {
            return String.format(
                    Locale.ROOT,
                    "stored %,.0f to %,.0f kWh, %,.0f at the start, at least %,.0f at the end",
                    floorKwh,
                    maxKwh,
                    initialKwh,
                    terminalMinKwh);
        }

        public Storage withInitialKwh(double kwh) {
            return new Storage(
                    chargeKw,
                    dischargeKw,
                    chargeEfficiency,
                    dischargeEfficiency,
                    floorKwh,
                    maxKwh,
                    kwh,
                    terminalMinKwh,
                    degradationYenPerKwh,
                    physics);
        }

        /** The same battery starting from {@code initialKwh} and ending with at least {@code terminalMinKwh}. */
        public Storage withEnds(double initialKwh, double terminalMinKwh) {
            return new Storage(
                    chargeKw,
                    dischargeKw,
                    chargeEfficiency,
                    dischargeEfficiency,
                    floorKwh,
                    maxKwh,
                    initialKwh,
                    terminalMinKwh,
                    degradationYenPerKwh,
                    physics);
        }

        /** The same battery with its power capped at {@code chargeKw} and {@code dischargeKw}. */
        public Storage withPowerKw(double chargeKw, double dischargeKw) {
            return new Storage(
                    chargeKw,
                    dischargeKw,
                    chargeEfficiency,
                    dischargeEfficiency,
                    floorKwh,
                    maxKwh,
                    initialKwh,
                    terminalMinKwh,
                    degradationYenPerKwh,
                    physics);
        }

        /** The AC-to-stored efficiency of a charge at {@code kw} (the rated one without physics). */
        public double chargeEfficiencyAt(double kw) {
            return physics == null
                    ? chargeEfficiency
                    : physics.pcsEfficiency().at(kw / physics.chargeRatingKw()) * physics.dcChargeEfficiency();
        }

        /** The stored-to-AC efficiency of a discharge at {@code kw} (the rated one without physics). */
        public double dischargeEfficiencyAt(double kw) {
            return physics == null
                    ? dischargeEfficiency
                    : physics.pcsEfficiency().at(kw / physics.dischargeRatingKw()) * physics.dcDischargeEfficiency();
        }
    }

    /**
     * The battery model's limits and losses beyond a linear store, as the LP linearises them.
     *
     * @param pcsEfficiency   the converter's efficiency against its load (AC power over its rating)
     * @param chargeRatingKw  the converter's charge rating the load refers to
     * @param dischargeRatingKw the converter's discharge rating
     * @param dcChargeEfficiency DC into stored energy
     * @param dcDischargeEfficiency stored energy to DC
     * @param capacityKwh     the energy the SOC refers to
     * @param chargeTaper     the fraction of the charge rating allowed against SOC
     * @param dischargeTaper  the fraction of the discharge rating allowed against SOC
     * @param hvacKwPerHeatKw electric power the container's HVAC spends per kW of the cells' losses it
     *                        removes (one over its cooling COP); 0 without HVAC
     */
    public record Physics(
            PiecewiseLinear pcsEfficiency,
            double chargeRatingKw,
            double dischargeRatingKw,
            double dcChargeEfficiency,
            double dcDischargeEfficiency,
            double capacityKwh,
            PiecewiseLinear chargeTaper,
            PiecewiseLinear dischargeTaper,
            double hvacKwPerHeatKw) {
        public Physics {
            if (!(chargeRatingKw > 0
                    && dischargeRatingKw > 0
                    && capacityKwh > 0
                    && hvacKwPerHeatKw >= 0
                    && dcChargeEfficiency > 0
                    && dcChargeEfficiency <= 1
                    && dcDischargeEfficiency > 0
                    && dcDischargeEfficiency <= 1)) {
                throw new IllegalArgumentException("physics out of range: " + this);
            }
        }

        /** HVAC kW per kW charged at an AC-to-stored efficiency {@code eta}: the DC losses it must remove. */
        double hvacPerChargeKw(double eta) {
            return hvacKwPerHeatKw * eta / dcChargeEfficiency * (1 - dcChargeEfficiency);
        }

        /** HVAC kW per kW discharged at a stored-to-AC efficiency {@code eta}. */
        double hvacPerDischargeKw(double eta) {
            return hvacKwPerHeatKw * dcDischargeEfficiency / eta * (1 / dcDischargeEfficiency - 1);
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
     * @param contractKw          the agreed contract (FIXED); ignored otherwise
     * @param peakFloorKw         demand already reached in each month before the horizon (MPC); 0 for none
     * @param forbidExcess        true: no month's demand may pass an agreed contract (FIXED or
     *                            OPTIMISED), a hard limit instead of a penalty
     * @param ratchetFloorKw      RATCHET: each month's contract floor, the largest demand of the months
     *                            of its 12 that lie before the horizon (the site's history); ignored otherwise
     */
    public record DemandCharge(
            int periodsPerSlot,
            int[] monthOfPeriod,
            double[] basicYenPerKwMonth,
            double[] excessYenPerKw,
            ContractMode mode,
            double contractKw,
            double[] peakFloorKw,
            boolean forbidExcess,
            double[] ratchetFloorKw) {
        public DemandCharge {
            int months = basicYenPerKwMonth.length;
            if (periodsPerSlot < 1
                    || excessYenPerKw.length != months
                    || peakFloorKw.length != months
                    || ratchetFloorKw.length != months) {
                throw new IllegalArgumentException(
                        "one basic rate, excess rate, peak floor and ratchet floor per month");
            }
            for (int i = 0; i < monthOfPeriod.length; i++) {
                if (monthOfPeriod[i] < 0
                        || monthOfPeriod[i] >= months
                        || (i > 0 && monthOfPeriod[i] < monthOfPeriod[i - 1])) {
                    throw new IllegalArgumentException("monthOfPeriod must be non-decreasing indices below " + months);
                }
            }
        }

        /** A ratchet's every month at least {@code contractKw}, the largest demand before the series. */
        public DemandCharge(
                int periodsPerSlot,
                int[] monthOfPeriod,
                double[] basicYenPerKwMonth,
                double[] excessYenPerKw,
                ContractMode mode,
                double contractKw,
                double[] peakFloorKw,
                boolean forbidExcess) {
            this(
                    periodsPerSlot,
                    monthOfPeriod,
                    basicYenPerKwMonth,
                    excessYenPerKw,
                    mode,
                    contractKw,
                    peakFloorKw,
                    forbidExcess,
                    filled(basicYenPerKwMonth.length, mode == ContractMode.RATCHET ? contractKw : 0));
        }

        private static double[] filled(int months, double kw) {
            double[] f = new double[months];
            java.util.Arrays.fill(f, kw);
            return f;
        }

        /** Demand above an agreed contract pays its penalty. */
        public DemandCharge(
                int periodsPerSlot,
                int[] monthOfPeriod,
                double[] basicYenPerKwMonth,
                double[] excessYenPerKw,
                ContractMode mode,
                double contractKw,
                double[] peakFloorKw) {
            this(
                    periodsPerSlot,
                    monthOfPeriod,
                    basicYenPerKwMonth,
                    excessYenPerKw,
                    mode,
                    contractKw,
                    peakFloorKw,
                    false);
        }

        public int months() {
            return basicYenPerKwMonth.length;
        }

        /** The same charge with excess demand forbidden ({@code true}) or priced. */
        public DemandCharge withForbidExcess(boolean forbid) {
            return new DemandCharge(
                    periodsPerSlot,
                    monthOfPeriod,
                    basicYenPerKwMonth,
                    excessYenPerKw,
                    mode,
                    contractKw,
                    peakFloorKw,
                    forbid,
                    ratchetFloorKw);
        }
    }

    /**
     * An upward reserve product (an EPRX product, for one): capacity offered in blocks holds
     * discharge headroom and the energy to deliver it for {@code durationHours}, and earns its price.
     * When activated it delivers energy: modelled as its expectation, {@code activationShare} of the
     * offer discharged through every period it is offered, settled at the registered upward price
     * {@code activationYenPerKwh} and not at the energy market's.
     *
     * @param market              the market it is sold in, for the revenue by market ("balancing")
     * @param priceYenPerKwH      yen per kW offered per hour, per period
     * @param blockPeriods        periods per block; the offer is constant within a block
     * @param maxKw               the largest offer per period (prequalification; 0 where the product is
     *                            not offered); a block's is the least of its periods'
     * @param activationShare     expected energy delivered per kWh of offer-hours, 0 .. 1
     * @param activationYenPerKwh the upward kWh price, per period
     * @param soldKw              the offer already sold at the market's gate closure, per period; NaN
     *                            where still open (null: open everywhere). A re-plan keeps what is sold
     */
    public record ReserveMarket(
            String product,
            String market,
            double[] priceYenPerKwH,
            double durationHours,
            int blockPeriods,
            double[] maxKw,
            double activationShare,
            double[] activationYenPerKwh,
            double[] soldKw) {
        public ReserveMarket {
            if (!(durationHours > 0)
                    || blockPeriods < 1
                    || maxKw.length != priceYenPerKwH.length
                    || !java.util.Arrays.stream(maxKw).allMatch(m -> m >= 0)
                    || !(activationShare >= 0 && activationShare <= 1)) {
                throw new IllegalArgumentException("reserve needs duration > 0, blockPeriods >= 1, maxKw >= 0 per "
                        + "period, activationShare in [0, 1]");
            }
            if (soldKw != null && soldKw.length != priceYenPerKwH.length) {
                throw new IllegalArgumentException("soldKw needs one value per period");
            }
        }

        /** A product none of whose offers is sold yet. */
        public ReserveMarket(
                String product,
                String market,
                double[] priceYenPerKwH,
                double durationHours,
                int blockPeriods,
                double[] maxKw,
                double activationShare,
                double[] activationYenPerKwh) {
            this(
                    product,
                    market,
                    priceYenPerKwH,
                    durationHours,
                    blockPeriods,
                    maxKw,
                    activationShare,
                    activationYenPerKwh,
                    null);
        }

        /** The offer sold in block {@code b}, NaN while it is open. */
        public double blockSoldKw(int b) {
            return soldKw == null || b * blockPeriods >= soldKw.length ? Double.NaN : soldKw[b * blockPeriods];
        }

        /** A product that is never activated, sold in the balancing market. */
        public ReserveMarket(
                String product, double[] priceYenPerKwH, double durationHours, int blockPeriods, double maxKw) {
            this(
                    product,
                    "balancing",
                    priceYenPerKwH,
                    durationHours,
                    blockPeriods,
                    filled(priceYenPerKwH.length, maxKw),
                    0,
                    new double[priceYenPerKwH.length]);
        }

        private static double[] filled(int n, double v) {
            double[] a = new double[n];
            Arrays.fill(a, v);
            return a;
        }

        /** The largest offer of block {@code b}: the least of its periods'. */
        public double blockMaxKw(int b) {
            double m = Double.POSITIVE_INFINITY;
            for (int t = b * blockPeriods; t < Math.min(maxKw.length, (b + 1) * blockPeriods); t++) {
                m = Math.min(m, maxKw[t]);
            }
            return m;
        }

        /** The block of period {@code t}. */
        public int blockOf(int t) {
            return t / blockPeriods;
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
                + ", reserves=" + reserves.stream().map(ReserveMarket::product).toList() + ", net load "
                + Arrays.stream(netLoadKw).summaryStatistics() + "]";
    }
}

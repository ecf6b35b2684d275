package dev.chikuden.optimize;

import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.DemandLimiter;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.Baseline;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.study.SiteModels;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What an optimal dispatch delivers: the LP's plan played through the site's full battery model at
 * the study step (PCS curve, tapers, C-rate limits, auxiliaries and HVAC, aging) under the
 * real-time stack that would run it, and billed by the one bill function of every command. The
 * stack: a demand limiter whose target in each billing month is the plan's peak of that month,
 * above a {@link PlanFollower} of the plan's energy per period (the battery's net AC energy: the
 * LP's power less the auxiliaries the LP put on the grid) and of its stored energy.
 *
 * @param bill                 the delivered case's bill, at the contract its plan set
 * @param savingYen            the bill without battery minus this bill, less {@code endShortfallYen} and
 *                             less what the expected activation energy of reserve offers, discharged
 *                             as planned, is worth on the bill (the TSO settles it, in the reserve revenue)
 * @param endShortfallYen      what the stored energy the battery ends short of its plan costs to buy
 *                             back (kWh over the rated charge efficiency, at the study's mean import
 *                             price); negative when it ends above the plan: the plan's bill counts on
 *                             ending where it ends
 * @param monthlyPeakKw        the delivered 30-minute peak of each billing month
 * @param plannedMonthlyPeakKw the LP's peak of each month, the limiter's targets
 * @param scheduledKwh         the plan's battery energy, both ways
 * @param endStoredKwh         stored energy at the end of the simulation
 * @param plannedEndStoredKwh  stored energy at the end of the plan
 * @param activationYen        what the expected activation energy of reserve offers is worth on the
 *                             bill, taken out of {@code savingYen}; 0 without reserve
 */
public record Delivery(
        SiteBilling.CaseBill bill,
        double savingYen,
        double endShortfallYen,
        double[] monthlyPeakKw,
        double[] plannedMonthlyPeakKw,
        double scheduledKwh,
        double endStoredKwh,
        double plannedEndStoredKwh,
        double activationYen,
        SimulationResult simulation) {
    /** The share of a period's gap to the planned stored energy the follower closes in the next period. */
    static final double GAP_SHARE = 0.25;
    /** A limiter at study steps shorter than this sees the load through a low-pass filter of this time constant. */
    static final double LIMITER_FILTER_S = 10;
    /**
     * How far above its target the limiter may let a month's 30-minute demand pass, as a share of
     * the target: the load's swings in the last seconds of a slot, seen through the filter, and a
     * battery that the LP's linear tapers and efficiencies left a little short.
     */
    public static final double LIMITER_TOLERANCE = 0.005;

    public double billYen() {
        return bill.totalYen();
    }

    /**
     * Plays the plan and bills it against {@code baseline}, telling {@code progress} (when not
     * null) the steps simulated, up to the study's steps.
     */
    public static Delivery of(
            SiteConfig site, DispatchProblem p, DispatchSolution s, Baseline baseline, LongConsumer progress) {
        TimeGrid grid = SiteModels.timeGrid(site);
        double h = p.periodHours();
        double[] energy = new double[s.periods()];
        double scheduled = 0;
        // Reserve offers are played as if called at their expected activation: the energy leaves the
        // battery as the plan said, but the TSO settles it (in the reserve revenue), so its worth on
        // the bill is taken back out of the delivered saving.
        double activationOnBillYen = 0;
        for (int t = 0; t < energy.length; t++) {
            double activated = 0;
            for (int k = 0; k < p.reserves().size(); k++) {
                activated += p.reserves().get(k).activationShare() * s.offerKw()[k][t];
            }
            energy[t] = (s.batteryKw(t) - s.auxiliaryKw()[t] + activated) * h;
            scheduled += Math.abs(energy[t]);
            double price = s.importKw()[t] > 1e-6 ? p.importYenPerKwh()[t] : p.exportYenPerKwh()[t];
            activationOnBillYen += activated * h * price;
        }
        List<ControlLayer> layers = new ArrayList<>();
        double[] planned = s.monthPeakKw();
        if (planned.length > 0) {
            DemandLimiter limiter = limiter(p, planned);
            layers.add(grid.stepSeconds() < LIMITER_FILTER_S ? new LowPassView(limiter, LIMITER_FILTER_S) : limiter);
        }
        layers.add(new PlanFollower(
                p.startEpochMs(),
                p.periodMs(),
                energy,
                s.storedKwh(),
                p.storage().initialKwh(),
                GAP_SHARE,
                p.storage().chargeEfficiency(),
                p.storage().dischargeEfficiency()));
        BillingMeter meter = new BillingMeter(grid);
        SimulationEngine engine = new SimulationEngine(
                grid,
                SiteModels.load(site, grid),
                SiteModels.pv(site, grid),
                SiteModels.ambient(site, grid),
                SiteModels.battery(site),
                new ControllerStack(layers, Double.POSITIVE_INFINITY),
                site.grid().frequencyHz(),
                SimulationEngine.DEFAULT_CHUNK,
                site.control());
        SimulationResult r = engine.run(List.of(meter), progress);
        SiteBilling.CaseBill bill =
                SiteBilling.withBattery(site, meter.slots(), plannedContractKw(p, s), baseline.slots());
        double[] peaks = new double[bill.bill().months().size()];
        for (int m = 0; m < peaks.length; m++) {
            MonthlyBill b = bill.bill().months().get(m);
            peaks[m] = b.maxDemandKw();
        }
        double plannedEnd = s.storedKwh()[s.periods() - 1];
        double meanPrice = 0;
        for (double price : p.importYenPerKwh()) {
            meanPrice += price / p.periods();
        }
        double shortYen =
                (plannedEnd - r.battery().storedEndKwh()) / p.storage().chargeEfficiency() * meanPrice;
        return new Delivery(
                bill,
                baseline.bill().totalYen() - bill.totalYen() - shortYen - activationOnBillYen,
                shortYen,
                peaks,
                planned.clone(),
                scheduled,
                r.battery().storedEndKwh(),
                plannedEnd,
                activationOnBillYen,
                r);
    }

    /** The limiter at the plan's monthly peaks, each from the first period of its month; it never recharges. */
    private static DemandLimiter limiter(DispatchProblem p, double[] plannedPeakKw) {
        DemandCharge dc = p.demand();
        long[] from = new long[plannedPeakKw.length];
        int m = 0;
        for (int t = 0; t < p.periods() && m < from.length; t++) {
            if (dc.monthOfPeriod()[t] == m) {
                from[m++] = p.startEpochMs() + t * p.periodMs();
            }
        }
        return DemandLimiter.monthly(from, plannedPeakKw, 0, 0);
    }

    /**
     * The contract the plan set, as the bill takes it: with a contract chosen by the LP, its
     * planned peak (forbid) or its least-cost contract (penalty), rounded up to a whole kW; NaN for
     * a fixed contract or a ratchet, which the bill sets itself.
     */
    static double plannedContractKw(DispatchProblem p, DispatchSolution s) {
        DemandCharge dc = p.demand();
        return dc == null || dc.mode() != ContractMode.OPTIMISED ? Double.NaN : ContractRule.contractOf(s.contractKw());
    }
}

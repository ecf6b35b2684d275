package dev.chikuden.optimize.sizing;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.Thermal;
import dev.chikuden.battery.ecm.EquivalentCircuitParameters;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.optimize.Delivery;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.MarketOffers;
import dev.chikuden.optimize.MarketRevenue;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.profile.PeriodMeans;
import dev.chikuden.site.MarketsSpec;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.Baseline;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Sizing: the site's battery scaled to every power and energy of a grid, each size dispatched
 * optimally over the site's first year by the dispatch LP, its plan played through the battery model
 * as {@code optimize} plays it ({@link Delivery}), aged by its own aging model, and valued by its
 * business case twice: on the LP's saving (a bound) and on the delivered one. The best is the
 * highest delivered NPV. A grid of more than {@value #SIMULATE_ALL} sizes simulates only the
 * {@value #SIMULATE_BEST} best by the LP's NPV, and chooses among them.
 *
 * <p>A size is the site's first battery with its energy, charge and discharge ratings scaled; its
 * SOC window, efficiencies, tapers, C-rate limits and aging model are kept, and what grows with
 * the size grows with it (the standby load with power; the container's heat capacity and
 * conductance and the pack's parallel strings with energy). The LP caps the power at the C-rate
 * limit times the energy, as the battery model does, so a size with more power than its cells
 * may deliver pays for a converter it cannot use.
 *
 * <p>Money: the delivered annual saving is the bill without a battery, as every command bills it
 * ({@link Baseline}), minus the bill the plan delivered (less the energy it ended short of its plan),
 * plus the LP's reserve revenue; the LP's saving is the same LP without battery minus its bill with
 * this size. Each size signs the contract the rule gives it ({@code grid.contract}). The LP prices
 * wear at its degradation cost to decide the dispatch, but the saving leaves it out: wear is paid in
 * the cash flows, as the cells the aging model says must be bought ({@link LifeProjection}, from
 * the plan's SOC). Every year's saving, discharge and charging cost are held at year one's (no load
 * growth, no price escalation, no fade of the savings: cells are restored when they wear out).
 * Charging cost (for the LCOS only) prices each charged kWh at the import price where the site
 * imports and at the export price (what it forgoes, 0 when exports are not sold) where it does not;
 * energy discharged and charged is the battery's net power of each period (a charge and a discharge
 * in the same period cancel). A study shorter than a year is scaled to 365 days (its duty repeated,
 * its money and energy multiplied); a 365-day study is taken as it is.
 *
 * <p>Speed: sizes are solved in chunks of one power each (all its energies, the largest first), one chunk
 * per task on a pool of threads, one LP model per chunk. Within a chunk the model is not rebuilt
 * but {@link DispatchModel#resize resized}: CLP keeps its basis and starts from the previous
 * size's optimum, and the previous size's operating point is the next one's first linearisation,
 * so most sizes need one solve, few two (HiGHS through OR-Tools rebuilds every solve). Each size is
 * simulated on the thread that solved it. The chunks do not depend on the number of threads, so
 * results are the same on any machine; they come back in grid order.
 */
public final class SizingSweep {
    /** The default grid: 0.5 to 1.5 times the site's battery, in this many steps each way. */
    static final int DEFAULT_STEPS = 5;
    /** Every size of a grid up to this many is played through the battery model. */
    public static final int SIMULATE_ALL = 100;
    /** Of a larger grid, this many sizes, the best by the LP's NPV. */
    public static final int SIMULATE_BEST = 10;
    /** Solves per size at most, each from the operating point of the one before. */
    private static final int SOLVES = 2;
    /** A year, to which a shorter study's money and energy are scaled. */
    private static final double YEAR_HOURS = 365 * 24;
    /** Cell temperature when the site gives no ambient, °C. */
    private static final double DEFAULT_CELL_C = 25;

    private SizingSweep() {}

    /** What a study of {@code p}'s periods is multiplied by to make a year: 1 for 365 days, more for less. */
    public static double yearScale(DispatchProblem p) {
        return YEAR_HOURS / (p.periods() * p.periodHours());
    }

    /** The site's sweep on its sizing grid (or the default grid), one thread per core. */
    public static SizingResult run(SiteConfig site, Solver solver) {
        return run(site, solver, Runtime.getRuntime().availableProcessors());
    }

    public static SizingResult run(SiteConfig site, Solver solver, int threads) {
        return run(site, solver, threads, null);
    }

    /** The sweep, telling {@code progress} (when not null) 1 for each size solved and each simulated, up to {@link #work}. */
    public static SizingResult run(SiteConfig site, Solver solver, int threads, LongConsumer progress) {
        PlanningSpec.SizingSpec grid = grid(site);
        return run(site, grid.powerKw(), grid.energyKwh(), site.planning().sizing() == null, solver, threads, progress);
    }

    /** The number of sizes {@link #run} tries: powers x energies of the site's sizing grid (or the default). */
    public static int sizes(SiteConfig site) {
        PlanningSpec.SizingSpec grid = grid(site);
        return grid.powerKw().length * grid.energyKwh().length;
    }

    /** The units of work {@link #run} reports: each size solved, and each simulated. */
    public static int work(SiteConfig site) {
        return sizes(site) + simulated(sizes(site));
    }

    private static int simulated(int sizes) {
        return sizes <= SIMULATE_ALL ? sizes : SIMULATE_BEST;
    }

    private static PlanningSpec.SizingSpec grid(SiteConfig site) {
        PlanningSpec.SizingSpec grid = site.planning().sizing();
        return grid != null ? grid : defaultGrid(reference(site));
    }

    /**
     * The sweep over {@code powerKw x energyKwh}.
     *
     * @throws BadInputException without a battery, a finance section or a tariff, or when no size
     *                           of the grid can be dispatched
     */
    public static SizingResult run(
            SiteConfig site, double[] powerKw, double[] energyKwh, boolean defaultGrid, Solver solver, int threads) {
        return run(site, powerKw, energyKwh, defaultGrid, solver, threads, null);
    }

    /** The sweep over {@code powerKw x energyKwh}, telling {@code progress} (when not null) 1 for each unit of {@link #work}. */
    public static SizingResult run(
            SiteConfig site,
            double[] powerKw,
            double[] energyKwh,
            boolean defaultGrid,
            Solver solver,
            int threads,
            LongConsumer progress) {
        long started = System.nanoTime();
        BatteryParameters reference = reference(site);
        PlanningSpec.FinanceSpec finance = finance(site);
        if (powerKw.length == 0 || energyKwh.length == 0) {
            throw new BadInputException(site.source() + ": sizing: needs at least one power and one energy");
        }
        DispatchProblem bare = SiteDispatch.problem(site.withBatteries(List.of()), 0);
        double lpWithout;
        try (DispatchModel m = new DispatchModel(bare, solver, false)) {
            lpWithout = m.solve().costs().billYen();
        }
        Baseline baseline = Baseline.of(site, null);
        double[] cellC = cellTemperatures(site, reference, bare);
        int count = powerKw.length * energyKwh.length;
        Sweep sweep = new Sweep(
                site,
                reference,
                finance,
                bare,
                SiteDispatch.ambientC(site, bare.periodMs()),
                lpWithout,
                baseline,
                cellC,
                energyKwh,
                solver,
                count <= SIMULATE_ALL,
                progress != null ? progress : n -> {});
        Candidate[] out = new Candidate[count];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, powerKw.length)));
        try {
            List<Future<Candidate[]>> chunks = new ArrayList<>();
            for (int i = 0; i < powerKw.length; i++) {
                int row = i;
                chunks.add(pool.submit(() -> sweep.row(row, powerKw[row])));
            }
            for (int i = 0; i < powerKw.length; i++) {
                System.arraycopy(get(chunks.get(i)), 0, out, i * energyKwh.length, energyKwh.length);
            }
            if (count > SIMULATE_ALL) {
                List<Future<Candidate>> simulated = new ArrayList<>();
                List<Integer> best = sweep.bestByLp();
                for (int index : best) {
                    simulated.add(pool.submit(() -> sweep.deliver(index, out[index])));
                }
                for (int k = 0; k < best.size(); k++) {
                    out[best.get(k)] = get(simulated.get(k));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int best = -1;
        for (int i = 0; i < count; i++) {
            if (out[i].delivered() != null
                    && (best < 0
                            || out[i].delivered().npvYen()
                                    > out[best].delivered().npvYen())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new BadInputException(
                    site.source() + ": sizing: no size of the grid can be dispatched: " + out[0].infeasibleReason());
        }
        int simulated = 0;
        for (Candidate c : out) {
            simulated += c.delivered() != null ? 1 : 0;
        }
        return new SizingResult(
                powerKw,
                energyKwh,
                defaultGrid,
                Arrays.asList(out),
                best,
                baseline.bill(),
                lpWithout,
                solver.id(),
                bare.periods(),
                simulated,
                (System.nanoTime() - started) / 1e9,
                sweep.dispatch(best));
    }

    /** The kW the capacity market or a long-term auction pays for, as {@link MarketRevenue} pays it; NaN for none. */
    static double capacityKw(MarketsSpec markets, DispatchProblem.Storage s) {
        if (markets.capacity() != null) {
            return MarketOffers.contractedKw(markets.capacity(), s);
        }
        return markets.longTerm() != null ? s.dischargeKw() : Double.NaN;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sizing sweep was interrupted", e);
        }
    }

    /** 0.5, 0.75, 1, 1.25 and 1.5 times the battery's discharge power and energy. */
    public static PlanningSpec.SizingSpec defaultGrid(BatteryParameters b) {
        double[] power = new double[DEFAULT_STEPS];
        double[] energy = new double[DEFAULT_STEPS];
        for (int i = 0; i < DEFAULT_STEPS; i++) {
            double f = 0.5 + (double) i / (DEFAULT_STEPS - 1);
            power[i] = b.dischargePowerKw() * f;
            energy[i] = b.energyKwh() * f;
        }
        return new PlanningSpec.SizingSpec(power, energy);
    }

    /**
     * The battery at another size: energy, charge and discharge ratings scaled (charge in
     * proportion to discharge); the standby load scales with power, the container's heat capacity
     * and conductance and the pack's parallel strings with energy; all else is kept.
     */
    public static BatteryParameters scaled(BatteryParameters b, double powerKw, double energyKwh) {
        if (!(powerKw > 0) || !(energyKwh > 0) || !(b.dischargePowerKw() > 0)) {
            throw new IllegalArgumentException("sizes and the reference battery's discharge power must be > 0");
        }
        double pf = powerKw / b.dischargePowerKw();
        double ef = energyKwh / b.energyKwh();
        Thermal t = b.thermal();
        Thermal thermal = t == null
                ? null
                : new Thermal(
                        t.heatCapacityKjPerK() * ef,
                        t.conductanceKwPerK() * ef,
                        t.coolingAboveC(),
                        t.heatingBelowC(),
                        t.coolingCop(),
                        t.heatingCop(),
                        t.initialC());
        EquivalentCircuitParameters v = b.voltageModel();
        EquivalentCircuitParameters voltage = v == null
                ? null
                : new EquivalentCircuitParameters(
                        v.seriesCells(),
                        (int) Math.max(1, Math.round(v.parallelStrings() * ef)),
                        v.cellCapacityAh(),
                        v.ocv(),
                        v.r0Ohm(),
                        v.r1Ohm(),
                        v.c1Farad(),
                        v.r2Ohm(),
                        v.c2Farad(),
                        v.vMinCell(),
                        v.vMaxCell());
        return new BatteryParameters(
                b.name(),
                energyKwh,
                b.chargePowerKw() * pf,
                powerKw,
                b.socMin(),
                b.socMax(),
                b.initialSoc(),
                b.conversion(),
                b.limits(),
                b.standbyKw() * pf,
                thermal,
                b.aging(),
                b.endOfLifeSoh(),
                b.augmentation(),
                voltage);
    }

    private static BatteryParameters reference(SiteConfig site) {
        if (site.batteries().isEmpty()) {
            throw new BadInputException(site.source() + ": batteries: sizing scales the site's battery; add one, e.g. "
                    + "batteries: [{name: bess-1, preset: lfp-container, energy: 200 MWh, power: 50 MW}]");
        }
        return site.batteries().get(0);
    }

    private static PlanningSpec.FinanceSpec finance(SiteConfig site) {
        PlanningSpec.FinanceSpec f = site.planning().finance();
        if (f == null) {
            throw new BadInputException(site.source() + ": finance: sizing values each battery size by its business "
                    + "case and needs the battery's costs; add a finance section, e.g. finance: {capexYenPerKwh: 60000, "
                    + "capexYenPerKw: 20000, fixedOmYenPerKwYear: 2600, replacementYenPerKwh: 30000, "
                    + "discountRate: 5 %, years: 15}");
        }
        return f;
    }

    /**
     * Cells at the site's ambient, per LP period; a battery with a container HVAC holds them
     * between its heating and cooling setpoints (the heat of its own losses is left out).
     */
    private static double[] cellTemperatures(SiteConfig site, BatteryParameters b, DispatchProblem base) {
        double[] c;
        if (site.ambient() == null) {
            c = new double[base.periods()];
            Arrays.fill(c, DEFAULT_CELL_C);
        } else {
            TimeGrid grid = SiteModels.timeGrid(site);
            c = PeriodMeans.of(SiteModels.ambient(site, grid), grid, base.periodMs());
        }
        Thermal t = b.thermal();
        if (t != null) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.max(t.heatingBelowC(), Math.min(t.coolingAboveC(), c[i]));
            }
        }
        return c.length == base.periods() ? c : Arrays.copyOf(c, base.periods());
    }

    /** What the tasks of one sweep share: the problem without battery, the baseline, and the dispatches kept. */
    private static final class Sweep {
        private final SiteConfig site;
        private final BatteryParameters reference;
        private final PlanningSpec.FinanceSpec finance;
        private final DispatchProblem bare;
        private final double[] ambientC;
        private final double lpWithoutYen;
        private final Baseline baseline;
        private final double[] cellC;
        private final double[] energyKwh;
        private final Solver solver;
        private final boolean simulateAll;
        private final LongConsumer progress;
        /** Dispatches kept for {@link #deliver} (the best by LP of a large grid) and the result's best. */
        private final Map<Integer, SizingResult.Dispatch> kept = new HashMap<>();

        private final Map<Integer, Double> lpNpv = new HashMap<>();

        Sweep(
                SiteConfig site,
                BatteryParameters reference,
                PlanningSpec.FinanceSpec finance,
                DispatchProblem bare,
                double[] ambientC,
                double lpWithoutYen,
                Baseline baseline,
                double[] cellC,
                double[] energyKwh,
                Solver solver,
                boolean simulateAll,
                LongConsumer progress) {
            this.site = site;
            this.reference = reference;
            this.finance = finance;
            this.bare = bare;
            this.ambientC = ambientC;
            this.lpWithoutYen = lpWithoutYen;
            this.baseline = baseline;
            this.cellC = cellC;
            this.energyKwh = energyKwh;
            this.solver = solver;
            this.simulateAll = simulateAll;
            this.progress = progress;
        }

        /**
         * Every energy at one power, on one model resized from size to size, the largest first: a
         * smaller size's C-rate caps its power lower, so its import rows are among the larger's.
         */
        Candidate[] row(int i, double powerKw) {
            Candidate[] out = new Candidate[energyKwh.length];
            int[] largestFirst = java.util.stream.IntStream.range(0, energyKwh.length)
                    .boxed()
                    .sorted((a, b) -> Double.compare(energyKwh[b], energyKwh[a]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            DispatchModel model = null;
            try {
                for (int j : largestFirst) {
                    int index = i * energyKwh.length + j;
                    BatteryParameters b = scaled(reference, powerKw, energyKwh[j]);
                    SiteConfig sized = site.withBatteries(List.of(b));
                    DispatchProblem q;
                    try {
                        q = SiteDispatch.withBatteries(bare, sized, ambientC);
                    } catch (BadInputException e) {
                        out[j] = Candidate.infeasible(powerKw, energyKwh[j], e.getMessage());
                        progress.accept(1 + (simulateAll ? 1 : 0));
                        continue;
                    }
                    DispatchSolution s;
                    try {
                        if (model != null) {
                            try {
                                model.update(q);
                            } catch (IllegalArgumentException e) {
                                model.close(); // another shape (taper lines, import rows): a model of its own
                                model = null;
                            }
                        }
                        if (model == null) {
                            model = new DispatchModel(q, solver, false);
                            s = model.solveAtOperatingPoint(SOLVES, false);
                        } else {
                            s = model.solveAtOperatingPoint(SOLVES, true);
                        }
                    } catch (BadInputException e) {
                        out[j] = Candidate.infeasible(powerKw, energyKwh[j], e.getMessage());
                        if (model != null) {
                            model.close(); // start the next size from a fresh model, not an infeasible basis
                            model = null;
                        }
                        progress.accept(1 + (simulateAll ? 1 : 0));
                        continue;
                    }
                    out[j] = candidate(b, q, s);
                    progress.accept(1);
                    keep(index, out[j], new SizingResult.Dispatch(sized, q, s));
                    if (simulateAll) {
                        out[j] = deliver(index, out[j]);
                    }
                }
            } finally {
                if (model != null) {
                    model.close();
                }
            }
            return out;
        }

        /**
         * Keeps the dispatch a later step needs: every one while the whole grid is simulated (the
         * row simulates it next, and drops it unless it is the best so far), else the best
         * {@link #SIMULATE_BEST} by the LP's NPV.
         */
        private synchronized void keep(int index, Candidate c, SizingResult.Dispatch d) {
            lpNpv.put(index, c.lp().npvYen());
            kept.put(index, d);
            if (!simulateAll && kept.size() > SIMULATE_BEST) {
                int worst = -1;
                for (int k : kept.keySet()) {
                    if (worst < 0
                            || lpNpv.get(k) < lpNpv.get(worst)
                            || (lpNpv.get(k).equals(lpNpv.get(worst)) && k > worst)) {
                        worst = k;
                    }
                }
                kept.remove(worst);
            }
        }

        /** The sizes kept for simulation, in grid order. */
        synchronized List<Integer> bestByLp() {
            return kept.keySet().stream().sorted().toList();
        }

        /** The candidate at {@code index} with its plan played through the battery model and valued. */
        Candidate deliver(int index, Candidate c) {
            SizingResult.Dispatch d;
            synchronized (this) {
                d = kept.get(index);
            }
            Delivery delivery = Delivery.of(d.site(), d.problem(), d.solution(), baseline, null);
            double year = yearScale(d.problem());
            double saving = MarketRevenue.withFixedPayments(
                    (delivery.savingYen() + c.reserveRevenueYen()) * year,
                    d.site().planning().markets(),
                    d.problem().storage());
            FinanceInputs lp = c.lp().inputs();
            double[] savings = new double[lp.years()];
            Arrays.fill(savings, saving);
            FinanceInputs in = new FinanceInputs(
                    lp.capexYenPerKwh(),
                    lp.capexYenPerKw(),
                    lp.fixedOmYenPerKwYear(),
                    lp.replacementYenPerKwh(),
                    lp.discountRate(),
                    lp.years(),
                    lp.energyKwh(),
                    lp.powerKw(),
                    savings,
                    lp.annualDischargeKwh(),
                    lp.annualChargeCostYen(),
                    lp.replacementKwhByYear(),
                    lp.salvageFraction());
            Candidate out = c.withDelivered(Candidate.Value.of(in), delivery);
            offer(index, out);
            progress.accept(1);
            return out;
        }

        /** Keeps the dispatch of the best delivered size so far (the lowest index on a tie), drops the rest. */
        private synchronized void offer(int index, Candidate c) {
            double npv = c.delivered().npvYen();
            if (bestIndex < 0 || npv > bestNpv || (npv == bestNpv && index < bestIndex)) {
                if (bestIndex >= 0 && simulateAll) {
                    kept.remove(bestIndex);
                }
                bestIndex = index;
                bestNpv = npv;
            } else if (simulateAll) {
                kept.remove(index);
            }
        }

        private int bestIndex = -1;
        private double bestNpv;

        synchronized SizingResult.Dispatch dispatch(int index) {
            return kept.get(index);
        }

        private Candidate candidate(BatteryParameters b, DispatchProblem q, DispatchSolution s) {
            double h = q.periodHours();
            int n = q.periods();
            double discharged = 0;
            double chargeCost = 0;
            for (int t = 0; t < n; t++) {
                double kw = s.batteryKw(t); // net of a charge and discharge in the same period
                double price = s.importKw()[t] > 1e-6 ? q.importYenPerKwh()[t] : q.exportYenPerKwh()[t];
                discharged += Math.max(0, kw) * h;
                chargeCost += Math.max(0, -kw) * h * price;
            }
            double year = yearScale(q);
            discharged *= year;
            chargeCost *= year;
            double saving = MarketRevenue.withFixedPayments(
                    (lpWithoutYen - s.costs().billYen() + s.costs().reserveRevenueYen()) * year,
                    site.planning().markets(),
                    q.storage());
            double[] soc = new double[n + 1];
            soc[0] = q.storage().initialKwh() / b.energyKwh();
            for (int t = 0; t < n; t++) {
                soc[t + 1] = s.storedKwh()[t] / b.energyKwh();
            }
            int years = finance.years();
            LifeProjection life = LifeProjection.of(b, soc, cellC, q.periodMs() / 1000.0, years);
            double[] savings = new double[years];
            double[] discharge = new double[years];
            double[] charging = new double[years];
            Arrays.fill(savings, saving);
            Arrays.fill(discharge, discharged);
            Arrays.fill(charging, chargeCost);
            FinanceInputs in = new FinanceInputs(
                    finance.capexYenPerKwh(),
                    finance.capexYenPerKw(),
                    finance.fixedOmYenPerKwYear(),
                    finance.replacementYenPerKwh(),
                    finance.discountRate(),
                    years,
                    b.energyKwh(),
                    b.dischargePowerKw(),
                    savings,
                    discharge,
                    charging,
                    life.replacementKwhByYear(),
                    finance.salvageFraction());
            Candidate.Value lp = Candidate.Value.of(in);
            return new Candidate(
                    b.dischargePowerKw(),
                    b.energyKwh(),
                    s.costs().billYen(),
                    s.costs().reserveRevenueYen(),
                    discharged,
                    s.contractKw(),
                    capacityKw(site.planning().markets(), q.storage()),
                    lp.businessCase().capexYen(),
                    life,
                    s.solveSeconds(),
                    lp,
                    null,
                    null,
                    null);
        }
    }
}

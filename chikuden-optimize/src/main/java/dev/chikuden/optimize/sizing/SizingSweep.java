package dev.chikuden.optimize.sizing;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.Thermal;
import dev.chikuden.battery.ecm.EquivalentCircuitParameters;
import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.Storage;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.profile.PeriodMeans;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Sizing: the site's battery scaled to every power and energy of a grid, each size dispatched
 * optimally over the site's first year by the dispatch LP, aged by its own aging model, and
 * valued by its business case; the best is the highest NPV.
 *
 * <p>A size is the site's first battery with its energy, charge and discharge ratings scaled; its
 * SOC window, efficiencies, tapers, C-rate limits and aging model are kept, and what grows with
 * the size grows with it (the standby load with power; the container's heat capacity and
 * conductance and the pack's parallel strings with energy). The LP caps the power at the C-rate
 * limit times the energy, as the battery model does, so a size with more power than its cells
 * may deliver pays for a converter it cannot use.
 *
 * <p>Money: the annual saving is the bill without a battery (the same LP without storage, solved
 * once, under the contract without battery when the tariff gives a {@code contractWithBattery}) minus
 * the bill with this size, plus its reserve revenue. With a fixed contract every size signs the
 * same {@code contractWithBattery}; with {@code optimize: {contract: optimise}} each its own. The LP prices wear at its degradation cost to
 * decide the dispatch, but the saving leaves it out: wear is paid in the cash flows, as the cells
 * the aging model says must be bought ({@link LifeProjection}). Every year's saving, discharge and
 * charging cost are held at year one's (no load growth, no price escalation, no fade of the
 * savings: cells are restored when they wear out). Charging cost (for the LCOS only) prices each
 * charged kWh at the import price where the site imports and at the export price (what it forgoes,
 * 0 when exports are not sold) where it does not; energy discharged and charged is the battery's net
 * power of each period (a charge and a discharge in the same period cancel). A study shorter than a year is scaled to 365 days
 * (its duty repeated, its money and energy multiplied); a 365-day study is taken as it is.
 *
 * <p>Speed: sizes are solved in chunks of one power each (all its energies, ascending), one chunk
 * per task on a pool of threads, one LP model per chunk. Within a chunk the model is not rebuilt
 * but {@link DispatchModel#resize resized}: CLP keeps its basis and starts from the previous
 * size's optimum, a few hundred simplex iterations instead of tens of thousands (HiGHS through
 * OR-Tools rebuilds every solve). The chunks do not depend on the number of threads, so results
 * are the same on any machine; they come back in grid order.
 */
public final class SizingSweep {
    /** The default grid: 0.5 to 1.5 times the site's battery, in this many steps each way. */
    static final int DEFAULT_STEPS = 5;
    /** A year, to which a shorter study's money and energy are scaled. */
    private static final double YEAR_HOURS = 365 * 24;
    /** Cell temperature when the site gives no ambient, °C. */
    private static final double DEFAULT_CELL_C = 25;

    private SizingSweep() {
    }

    /** The site's sweep on its sizing grid (or the default grid), one thread per core. */
    public static SizingResult run(SiteConfig site, Solver solver) {
        return run(site, solver, Runtime.getRuntime().availableProcessors());
    }

    public static SizingResult run(SiteConfig site, Solver solver, int threads) {
        return run(site, solver, threads, null);
    }

    /** The sweep, telling {@code progress} (when not null) 1 for each size done, up to {@link #sizes}. */
    public static SizingResult run(SiteConfig site, Solver solver, int threads, LongConsumer progress) {
        PlanningSpec.SizingSpec grid = grid(site);
        return run(site, grid.powerKw(), grid.energyKwh(), site.planning().sizing() == null, solver, threads, progress);
    }

    /** The number of sizes {@link #run} tries: powers x energies of the site's sizing grid (or the default). */
    public static int sizes(SiteConfig site) {
        PlanningSpec.SizingSpec grid = grid(site);
        return grid.powerKw().length * grid.energyKwh().length;
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
    public static SizingResult run(SiteConfig site, double[] powerKw, double[] energyKwh, boolean defaultGrid,
                                   Solver solver, int threads) {
        return run(site, powerKw, energyKwh, defaultGrid, solver, threads, null);
    }

    /** The sweep over {@code powerKw x energyKwh}, telling {@code progress} (when not null) 1 for each size done. */
    public static SizingResult run(SiteConfig site, double[] powerKw, double[] energyKwh, boolean defaultGrid,
                                   Solver solver, int threads, LongConsumer progress) {
        long started = System.nanoTime();
        BatteryParameters reference = reference(site);
        PlanningSpec.FinanceSpec finance = finance(site);
        if (powerKw.length == 0 || energyKwh.length == 0) {
            throw new BadInputException(site.source() + ": sizing: needs at least one power and one energy");
        }
        SiteConfig bare = site.withBatteries(List.of());
        DispatchProblem base = SiteDispatch.problem(bare, 0);
        DispatchProblem without = base;
        DispatchSolution baseline;
        try (DispatchModel m = new DispatchModel(without, solver, false)) {
            baseline = m.solve();
        }
        double baselineYen = baseline.costs().billYen();
        double[] cellC = cellTemperatures(site, reference, base);
        Sweep sweep = new Sweep(site, reference, finance, base, baselineYen, cellC, energyKwh, solver,
                progress != null ? progress : n -> { });

        int rows = powerKw.length;
        Candidate[] out = new Candidate[rows * energyKwh.length];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, rows)));
        try {
            List<Future<Candidate[]>> chunks = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                int row = i;
                chunks.add(pool.submit(() -> sweep.row(row, powerKw[row])));
            }
            for (int i = 0; i < rows; i++) {
                System.arraycopy(chunks.get(i).get(), 0, out, i * energyKwh.length, energyKwh.length);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sizing sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        int best = sweep.bestIndex();
        if (best < 0) {
            throw new BadInputException(site.source() + ": sizing: no size of the grid can be dispatched: "
                    + out[0].infeasibleReason());
        }
        return new SizingResult(powerKw, energyKwh, defaultGrid, Arrays.asList(out), best, baselineYen,
                baseline.contractKw(), solver.id(),
                base.periods(), (System.nanoTime() - started) / 1e9, sweep.bestDispatch());
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
        Thermal thermal = t == null ? null : new Thermal(t.heatCapacityKjPerK() * ef, t.conductanceKwPerK() * ef,
                t.coolingAboveC(), t.heatingBelowC(), t.coolingCop(), t.heatingCop(), t.initialC());
        EquivalentCircuitParameters v = b.voltageModel();
        EquivalentCircuitParameters voltage = v == null ? null : new EquivalentCircuitParameters(v.seriesCells(),
                (int) Math.max(1, Math.round(v.parallelStrings() * ef)), v.cellCapacityAh(), v.ocv(), v.r0Ohm(),
                v.r1Ohm(), v.c1Farad(), v.r2Ohm(), v.c2Farad(), v.vMinCell(), v.vMaxCell());
        return new BatteryParameters(b.name(), energyKwh, b.chargePowerKw() * pf, powerKw, b.socMin(), b.socMax(),
                b.initialSoc(), b.conversion(), b.limits(), b.standbyKw() * pf, thermal, b.aging(), b.endOfLifeSoh(),
                b.augmentation(), voltage);
    }

    /** The same problem with a constant load added (a size's standby load), exports limited alike. */
    static DispatchProblem withLoadAdded(DispatchProblem p, double kw) {
        if (kw == 0) {
            return p;
        }
        double[] net = p.netLoadKw().clone();
        double[] exportLimit = p.exportLimitKw().clone();
        boolean sells = exportLimit[0] == Double.POSITIVE_INFINITY;
        for (int t = 0; t < net.length; t++) {
            net[t] += kw;
            if (!sells) {
                exportLimit[t] = Math.max(0, -net[t]);
            }
        }
        return new DispatchProblem(p.startEpochMs(), p.periodMs(), net, p.importYenPerKwh(), p.exportYenPerKwh(),
                exportLimit, p.importLimitKw(), p.storage(), p.demand(), p.reserve());
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

    /** What the tasks of one sweep share, and the best size found so far. */
    private static final class Sweep {
        private final SiteConfig site;
        private final BatteryParameters reference;
        private final PlanningSpec.FinanceSpec finance;
        private final DispatchProblem base;
        private final double baselineYen;
        private final double[] cellC;
        private final double[] energyKwh;
        private final Solver solver;
        private final LongConsumer progress;
        private int bestIndex = -1;
        private double bestNpv = Double.NEGATIVE_INFINITY;
        private SizingResult.Dispatch bestDispatch;

        Sweep(SiteConfig site, BatteryParameters reference, PlanningSpec.FinanceSpec finance, DispatchProblem base,
              double baselineYen, double[] cellC, double[] energyKwh, Solver solver, LongConsumer progress) {
            this.site = site;
            this.reference = reference;
            this.finance = finance;
            this.base = base;
            this.baselineYen = baselineYen;
            this.cellC = cellC;
            this.energyKwh = energyKwh;
            this.solver = solver;
            this.progress = progress;
        }

        /** Every energy at one power, on one model resized from size to size. */
        Candidate[] row(int i, double powerKw) {
            Candidate[] out = new Candidate[energyKwh.length];
            DispatchModel model = null;
            try {
                for (int j = 0; j < energyKwh.length; j++) {
                    BatteryParameters b = scaled(reference, powerKw, energyKwh[j]);
                    SiteConfig sized = site.withBatteries(List.of(b));
                    Storage storage;
                    try {
                        storage = capped(SiteDispatch.storage(sized), b);
                    } catch (BadInputException e) {
                        out[j] = Candidate.infeasible(powerKw, energyKwh[j], e.getMessage());
                        progress.accept(1);
                        continue;
                    }
                    DispatchProblem q = withLoadAdded(base, b.standbyKw()).withStorage(storage);
                    DispatchSolution s;
                    try {
                        if (model == null) {
                            model = new DispatchModel(q, solver, false);
                            s = model.solve();
                        } else {
                            model.resize(storage);
                            model.update(q);
                            s = model.solveFromPreviousBasis();
                        }
                    } catch (BadInputException e) {
                        out[j] = Candidate.infeasible(powerKw, energyKwh[j], e.getMessage());
                        if (model != null) {
                            model.close(); // start the next size from a fresh model, not an infeasible basis
                            model = null;
                        }
                        progress.accept(1);
                        continue;
                    }
                    out[j] = candidate(b, q, s);
                    offer(i * energyKwh.length + j, out[j], new SizingResult.Dispatch(sized, q, s));
                    progress.accept(1);
                }
            } finally {
                if (model != null) {
                    model.close();
                }
            }
            return out;
        }

        /** Power limited to what the cells may deliver: the C-rate limit times the energy. */
        private static Storage capped(Storage s, BatteryParameters b) {
            double charge = Math.min(s.chargeKw(), b.limits().maxChargeCRate() * b.energyKwh());
            double discharge = Math.min(s.dischargeKw(), b.limits().maxDischargeCRate() * b.energyKwh());
            if (charge == s.chargeKw() && discharge == s.dischargeKw()) {
                return s;
            }
            return new Storage(charge, discharge, s.chargeEfficiency(), s.dischargeEfficiency(), s.floorKwh(),
                    s.maxKwh(), s.initialKwh(), s.terminalMinKwh(), s.degradationYenPerKwh());
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
            double year = YEAR_HOURS / (n * h);
            discharged *= year;
            chargeCost *= year;
            double saving = (baselineYen - s.costs().billYen() + s.costs().reserveRevenueYen()) * year;
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
            FinanceInputs in = new FinanceInputs(finance.capexYenPerKwh(), finance.capexYenPerKw(),
                    finance.fixedOmYenPerKwYear(), finance.replacementYenPerKwh(), finance.discountRate(), years,
                    b.energyKwh(), b.dischargePowerKw(), savings, discharge, charging, life.replacementKwhByYear(),
                    finance.salvageFraction());
            BusinessCase bc = BusinessCase.of(in);
            return new Candidate(b.dischargePowerKw(), b.energyKwh(), saving, s.costs().billYen(),
                    s.costs().reserveRevenueYen(), discharged, s.contractKw(), bc.capexYen(), bc.npvYen(), bc.irr(),
                    bc.simplePaybackYears(), bc.discountedPaybackYears(), bc.lcosYenPerKwh(), life, s.solveSeconds(),
                    in, bc, null);
        }

        /** Keeps the dispatch of the best size: the highest NPV, the lowest index on a tie. */
        private synchronized void offer(int index, Candidate c, SizingResult.Dispatch dispatch) {
            if (c.npvYen() > bestNpv || c.npvYen() == bestNpv && index < bestIndex) {
                bestNpv = c.npvYen();
                bestIndex = index;
                bestDispatch = dispatch;
            }
        }

        synchronized int bestIndex() {
            return bestIndex;
        }

        synchronized SizingResult.Dispatch bestDispatch() {
            return bestDispatch;
        }
    }
}

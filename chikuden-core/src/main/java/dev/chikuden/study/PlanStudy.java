package dev.chikuden.study;

import dev.chikuden.battery.Battery;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.Controller;
import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteClass;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.SlotEnergy;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The planning study: the site simulated without its batteries and with them, under its strategy,
 * for each study year; the batteries carry their state (SOC, temperature, aging) from year to
 * year. The two cases are independent and run on two threads. Result files and bills cover the first
 * year. Where the study simulates the site's control chain, the first year with battery runs once
 * more under a chain without latency (on a third thread, grid-code meter only), and the latency the
 * chain tolerates is searched on the study's worst hour ({@link WorstHour}).
 */
public final class PlanStudy {
    /** Which of the two runs. */
    public enum Case {
        WITHOUT_BATTERY("without-battery"),
        WITH_BATTERY("with-battery");

        private final String fileStem;

        Case(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileStem() {
            return fileStem;
        }
    }

    /** Opens the sinks that record one case (result files); none for a figures-only study. */
    @FunctionalInterface
    public interface SinkFactory {
        List<StepSink> open(Case c, TimeGrid grid);

        SinkFactory NONE = (c, grid) -> List.of();
    }

    /**
     * One study year.
     *
     * @param withBattery null when the site has no battery
     */
    public record Year(int year, SimulationResult withoutBattery, SimulationResult withBattery) {}

    /**
     * All study years, in order, the grid-code report of each case's first year and its bills.
     *
     * @param withBatteryGridCode null when the site has no battery
     * @param bills the first year's bills, null for a site without a tariff
     * @param gpuSmoothing the first year without battery but with GPU-side smoothing; null unless compared
     * @param idealGridCode the first year with battery under a chain without latency ({@link
     *     ControlChain#ideal}); null unless the site's chain is simulated ({@link #chainSimulated})
     * @param latency the latency the chain tolerates on the worst hour; null unless the chain is simulated
     * @param reserveSales what the strategy sold in the balancing market in the first year with
     *     battery and what the battery delivered of it; null when it trades no reserve
     * @param pvWithoutBattery where the first year's PV energy went without battery; null without PV
     * @param pvWithBattery the same with battery; null without PV or battery
     * @param siteClass what the site is, as given or inferred from the baseline's peak
     * @param household a household's saving split and outage cover; null for other classes, or
     *     without PV, battery or tariff
     */
    public record Result(
            SiteConfig site,
            List<Year> years,
            GridCodeReport withoutBatteryGridCode,
            GridCodeReport withBatteryGridCode,
            double wallSeconds,
            SiteBilling.Bills bills,
            Comparison gpuSmoothing,
            GridCodeReport idealGridCode,
            LatencyTolerance latency,
            ReserveSales reserveSales,
            PvUseMeter.PvUse pvWithoutBattery,
            PvUseMeter.PvUse pvWithBattery,
            SiteClass.Resolved siteClass,
            Household household) {
        public SimulationResult withoutBattery() {
            return years.get(0).withoutBattery();
        }

        /** The first year with the battery, null without one. */
        public SimulationResult withBattery() {
            return years.get(0).withBattery();
        }

        public SimulationResult lastWithBattery() {
            return years.get(years.size() - 1).withBattery();
        }

        public long stepsSimulated() {
            long n = 0;
            for (Year y : years) {
                n += y.withoutBattery().steps()
                        + (y.withBattery() == null ? 0 : y.withBattery().steps());
            }
            return n
                    + (gpuSmoothing == null ? 0 : gpuSmoothing.result().steps())
                    + (idealGridCode == null ? 0 : withBattery().steps())
                    + (household == null || household.split().pvOnlyIsTheStrategy()
                            ? 0
                            : withBattery().steps());
        }
    }

    /**
     * Whether the study simulates the site's control chain: it has batteries and a chain with latency,
     * and its step is short enough ({@link SimulationEngine#chained}).
     */
    public static boolean chainSimulated(SiteConfig site) {
        return !site.batteries().isEmpty() && SimulationEngine.chained(site.control(), SiteModels.timeGrid(site));
    }

    /** A household's saving split by counterfactuals and the hours its battery carries an outage. */
    public record Household(HouseholdStudy.SavingSplit split, HouseholdStudy.OutageCover outage) {}

    /** A case compared with the battery: its first year and its grid-code report. */
    public record Comparison(SimulationResult result, GridCodeReport gridCode) {}

    private PlanStudy() {}

    public static Result run(SiteConfig site, SinkFactory sinks) {
        return run(site, sinks, null);
    }

    /**
     * The study, telling {@code progress} (when not null) the steps simulated, chunk by chunk and
     * from two threads at once, up to {@link #totalSteps}.
     */
    public static Result run(SiteConfig site, SinkFactory sinks, LongConsumer progress) {
        return run(site, sinks, progress, ForkJoinPool.commonPool());
    }

    /**
     * Runs a study's cases one after another on the caller's thread, each recording its own steps:
     * for a sweep that keeps every core busy with scenarios.
     */
    public static final Executor IN_LINE = Runnable::run;

    /**
     * The study, its cases with battery and without latency run on {@code cases} beside the case
     * without battery on the caller's thread; {@link #IN_LINE} runs everything on the caller's thread.
     */
    public static Result run(SiteConfig site, SinkFactory sinks, LongConsumer progress, Executor cases) {
        return run(site, sinks, progress, cases, SharedBaselines.NONE);
    }

    /**
     * The study, its case without battery taken from {@code baselines}: a sweep whose scenarios
     * differ only in their battery computes that case once.
     */
    public static Result run(
            SiteConfig site, SinkFactory sinks, LongConsumer progress, Executor cases, SharedBaselines baselines) {
        long started = System.nanoTime();
        // in line, each run records its own steps too: the sweep's other scenarios use the cores
        boolean sinkThread = cases != IN_LINE;
        GridCodeRules rules = SiteModels.gridCodeRules(site);
        TimeGrid firstYear = site.study().timeGrid(site.zone());
        GridCodeMeter withGridCode = new GridCodeMeter(firstYear, rules);
        boolean billed = site.billing() != null && site.billing().tariff() != null;
        BillingMeter withBilling = billed && !site.batteries().isEmpty() ? new BillingMeter(firstYear) : null;
        boolean chained = chainSimulated(site);
        SocSamples soc = chained ? new SocSamples(firstYear) : null;
        AtomicReference<ReserveSales> sold = new AtomicReference<>();
        boolean pv = site.pv() != null;
        double stepS = firstYear.stepMs() / 1000.0;
        PvUseMeter withPv = pv && !site.batteries().isEmpty() ? pvMeter(site, stepS) : null;
        // a household's outage cover replays the year with battery; a planning-grade step keeps it small
        StepSeries series = !site.batteries().isEmpty()
                        && SiteClass.mayBeHousehold(site)
                        && firstYear.stepMs() >= 60_000
                        && firstYear.steps() <= Integer.MAX_VALUE
                ? new StepSeries((int) firstYear.steps())
                : null;
        CompletableFuture<List<SimulationResult>> with = site.batteries().isEmpty()
                ? null
                : CompletableFuture.supplyAsync(
                        () -> years(
                                site,
                                Case.WITH_BATTERY,
                                sinks,
                                progress,
                                sold::set,
                                sinkThread,
                                withGridCode,
                                withBilling,
                                soc,
                                withPv,
                                series),
                        cases);
        CompletableFuture<GridCodeReport> ideal = chained
                ? CompletableFuture.supplyAsync(
                        () -> idealGridCode(site, firstYear, rules, progress, sinkThread), cases)
                : null;
        SharedBaseline base =
                baselines.get(() -> baseline(site, sinks, progress, firstYear, rules, billed, chained, sinkThread));
        List<SimulationResult> without = base.years();
        // billed while the case with battery may still run
        SiteBilling.CaseBill baseBill = billed ? SiteBilling.baseline(site, base.billing()) : null;
        List<SimulationResult> withResults = with == null ? null : join(with);
        LatencyTolerance latency =
                chained ? WorstHour.of(site, base.jumpStep(), soc::at).tolerance(site.control(), base.jumpKw()) : null;
        GridCodeReport idealReport = ideal == null ? null : join(ideal);
        List<Year> years = new ArrayList<>();
        for (int y = 0; y < without.size(); y++) {
            years.add(new Year(y + 1, without.get(y), withResults == null ? null : withResults.get(y)));
        }
        SiteBilling.Bills bills = billed
                ? SiteBilling.bills(site, base.billing(), baseBill, withBilling == null ? null : withBilling.slots())
                : null;
        return withHousehold(
                new Result(
                        site,
                        List.copyOf(years),
                        base.gridCode(),
                        with == null ? null : withGridCode.report(),
                        (System.nanoTime() - started) / 1e9,
                        bills,
                        base.gpuSmoothing(),
                        idealReport,
                        latency,
                        sold.get(),
                        base.pv(),
                        withPv == null ? null : withPv.result(),
                        SiteClass.of(site, without.get(0).gridKpis().peakDemand30minKw()),
                        null),
                series);
    }

    /**
     * The case without battery: everything a study computes without the battery, which scenarios
     * that differ only in their battery, strategy or control can share.
     *
     * @param billing the first year's metered slots; null without a tariff
     * @param jumpStep the step of the net load's largest 1-s change, where the chain's latency is
     *     judged; 0 unless the chain is simulated
     * @param pv where the first year's PV energy went; null without PV
     * @param gpuSmoothing null unless compared
     */
    public record SharedBaseline(
            List<SimulationResult> years,
            GridCodeReport gridCode,
            SlotEnergy billing,
            long jumpStep,
            double jumpKw,
            PvUseMeter.PvUse pv,
            Comparison gpuSmoothing) {}

    /** Where a study takes its case without battery from: computed for it, or shared. */
    @FunctionalInterface
    public interface SharedBaselines {
        SharedBaseline get(Supplier<SharedBaseline> compute);

        SharedBaselines NONE = Supplier::get;
    }

    private static SharedBaseline baseline(
            SiteConfig site,
            SinkFactory sinks,
            LongConsumer progress,
            TimeGrid firstYear,
            GridCodeRules rules,
            boolean billed,
            boolean chained,
            boolean sinkThread) {
        GridCodeMeter gridCode = new GridCodeMeter(firstYear, rules);
        BillingMeter billing = billed ? new BillingMeter(firstYear) : null;
        // the chain's latency is judged on the hour of the net load's largest 1-s change, starting
        // from the SOC the with-battery run had just before it
        NetLoadJump jump = chained ? new NetLoadJump(firstYear) : null;
        PvUseMeter pv = site.pv() != null ? new PvUseMeter(firstYear.stepMs() / 1000.0, 0, Double.NaN) : null;
        List<SimulationResult> years =
                years(site, Case.WITHOUT_BATTERY, sinks, progress, null, sinkThread, gridCode, billing, jump, pv);
        Comparison gpuSmoothing =
                site.compareGpuSmoothing() == null ? null : gpuSmoothing(site, firstYear, rules, progress);
        return new SharedBaseline(
                years,
                gridCode.report(),
                billing == null ? null : billing.slots(),
                jump == null ? 0 : jump.step(),
                jump == null ? 0 : jump.changeKw(),
                pv == null ? null : pv.result(),
                gpuSmoothing);
    }

    /**
     * The study with a household's figures added: the saving split (one more simulation when the
     * strategy does more than store PV) and the outage cover. Other results come back unchanged.
     */
    private static Result withHousehold(Result r, StepSeries series) {
        if (r.siteClass().siteClass() != SiteClass.HOUSEHOLD
                || series == null
                || r.site().pv() == null
                || r.bills() == null
                || r.bills().withBattery() == null) {
            return r;
        }
        long started = System.nanoTime();
        double stepHours = r.site().study().stepMs() / 3.6e6;
        Household h = new Household(HouseholdStudy.split(r), HouseholdStudy.outageCover(r.site(), series, stepHours));
        double wallSeconds = r.wallSeconds() + (System.nanoTime() - started) / 1e9;
        return new Result(
                r.site(),
                r.years(),
                r.withoutBatteryGridCode(),
                r.withBatteryGridCode(),
                wallSeconds,
                r.bills(),
                r.gpuSmoothing(),
                r.idealGridCode(),
                r.latency(),
                r.reserveSales(),
                r.pvWithoutBattery(),
                r.pvWithBattery(),
                r.siteClass(),
                h);
    }

    /** The PV meter of the case with battery: the pool starts at the batteries' initial stored energy. */
    private static PvUseMeter pvMeter(SiteConfig site, double stepS) {
        double capacity = site.batteries().stream()
                .mapToDouble(dev.chikuden.battery.BatteryParameters::energyKwh)
                .sum();
        return new PvUseMeter(stepS, capacity, HouseholdStudy.initialSoc(site));
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The first year with battery under a chain without latency: grid-code meter only. */
    private static GridCodeReport idealGridCode(
            SiteConfig site, TimeGrid grid, GridCodeRules rules, LongConsumer progress, boolean sinkThread) {
        GridCodeMeter meter = new GridCodeMeter(grid, rules);
        SiteConfig ideal = site.withControl(
                ControlChain.ideal(grid.stepMs(), site.control().converterRampKwPerS()));
        simulateYear(
                ideal, Case.WITH_BATTERY, 0, SiteModels.battery(ideal), List.of(meter), progress, null, sinkThread);
        return meter.report();
    }

    /** The steps {@link #run} simulates in all: every case and year it does not reuse. */
    public static long totalSteps(SiteConfig site) {
        long n = 0;
        for (int y = 0; y < site.study().years(); y++) {
            long steps = site.study().timeGrid(site.zone(), y).steps();
            n += site.batteries().isEmpty() ? 0 : steps;
            n += y == 0 || site.study().rolling() ? steps : 0;
        }
        long firstYear = site.study().timeGrid(site.zone()).steps();
        return n + (site.compareGpuSmoothing() == null ? 0 : firstYear) + (chainSimulated(site) ? firstYear : 0);
    }

    /** The site without battery, every training job smoothing its own power instead. */
    private static Comparison gpuSmoothing(SiteConfig site, TimeGrid grid, GridCodeRules rules, LongConsumer progress) {
        GridCodeMeter meter = new GridCodeMeter(grid, rules);
        SimulationEngine engine = new SimulationEngine(
                grid,
                SiteModels.load(site, grid, site.compareGpuSmoothing()),
                SiteModels.pv(site, grid),
                SiteModels.ambient(site, grid),
                Battery.NONE,
                Controller.IDLE,
                site.grid().frequencyHz(),
                SimulationEngine.DEFAULT_CHUNK);
        SimulationResult r = engine.run(List.of(meter), progress);
        return new Comparison(r, meter.report());
    }

    /** The first year of one case, on the caller's thread. */
    public static SimulationResult simulate(SiteConfig site, Case c, SinkFactory sinks) {
        return simulateYear(
                site,
                c,
                0,
                c == Case.WITH_BATTERY ? SiteModels.battery(site) : Battery.NONE,
                sinks.open(c, site.study().timeGrid(site.zone())),
                null,
                null,
                true);
    }

    /**
     * Every year of one case with one battery. Without a battery, repeated years are identical, so
     * the first is simulated once and reused. The billing meter, if any, meters the first year, and
     * {@code sold} (when not null) is told the first year's reserve sales.
     */
    private static List<SimulationResult> years(
            SiteConfig site,
            Case c,
            SinkFactory sinks,
            LongConsumer progress,
            Consumer<ReserveSales> sold,
            boolean sinkThread,
            StepSink... firstYearMeters) {
        boolean battery = c == Case.WITH_BATTERY;
        Battery b = battery ? SiteModels.battery(site) : Battery.NONE;
        List<SimulationResult> out = new ArrayList<>();
        for (int y = 0; y < site.study().years(); y++) {
            if (!battery && y > 0 && !site.study().rolling()) {
                out.add(out.get(0));
                continue;
            }
            List<StepSink> s = new ArrayList<>();
            if (y == 0) {
                s.addAll(sinks.open(c, site.study().timeGrid(site.zone())));
                for (StepSink m : firstYearMeters) {
                    if (m != null) {
                        s.add(m);
                    }
                }
            }
            out.add(simulateYear(site, c, y, b, s, progress, y == 0 ? sold : null, sinkThread));
        }
        return out;
    }

    private static SimulationResult simulateYear(
            SiteConfig site,
            Case c,
            int year,
            Battery battery,
            List<StepSink> sinks,
            LongConsumer progress,
            Consumer<ReserveSales> sold,
            boolean sinkThread) {
        TimeGrid grid = site.study().timeGrid(site.zone(), year);
        if (c == Case.WITHOUT_BATTERY) {
            return Baseline.simulate(site, grid, sinks, progress, sinkThread);
        }
        // the controller sees the year's own dates (an MPC forecasts that year's load)
        Controller controller =
                SiteModels.controller(site.withStudy(site.study().year(year)));
        SimulationEngine engine = new SimulationEngine(
                grid,
                SiteModels.load(site, grid),
                SiteModels.pv(site, grid),
                SiteModels.ambient(site, grid),
                battery,
                controller,
                site.grid().frequencyHz(),
                SimulationEngine.DEFAULT_CHUNK,
                site.control());
        SimulationResult r = (sinkThread ? engine.sinksOnOwnThread() : engine).run(sinks, progress);
        if (sold != null) {
            sold.accept(controller.reserveSales());
        }
        return r;
    }
}

package dev.chikuden.scenario;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.optimize.Optimization;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.results.DecimatingSink;
import dev.chikuden.scenario.optimize.OptimizeFigures;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.scenario.size.SizeFigures;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteOverride;
import dev.chikuden.study.PlanStudy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one scenario of a sweep as its command would ({@code plan}, {@code optimize} or {@code
 * size}, figures only) and keeps its headline figures. A scenario runs on the caller's thread
 * alone: the runner around it keeps the cores busy with scenarios. A failing scenario comes back
 * as a row with its error; nothing is thrown for it.
 */
public final class ScenarioRunner {
    /**
     * The site file's sections the case without battery does not read: scenarios whose overrides
     * differ only under these share that case.
     */
    static final Set<String> BATTERY_ONLY = Set.of(
            "name", "batteries", "strategy", "control", "output", "optimize", "finance", "sizing", "outage", "ems");

    private final Sweep sweep;
    private final int figures;
    private final Path seriesDir;
    private final Map<String, CompletableFuture<PlanStudy.SharedBaseline>> baselines;
    /** Whether a case without battery is dropped once the last of this runner's scenarios that need it ran. */
    private final boolean dropWhenDone;

    private final LongAdder baselinesComputed = new LongAdder();

    /** How many of the scenarios to run need each case without battery; at 0 the case is dropped. */
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

    /** A runner for all the sweep's scenarios: it holds each shared case until its last scenario has run. */
    public ScenarioRunner(Sweep sweep) {
        this(sweep, sweep.scenarios(), null);
    }

    /** A runner for {@code toRun}, a subset of the sweep's scenarios, best in {@link #byBaseline} order. */
    public ScenarioRunner(Sweep sweep, List<Scenario> toRun) {
        this(sweep, toRun, null);
    }

    /**
     * A runner that also writes each plan scenario's per-step results, when the sweep keeps them
     * ({@code series: true}), as {@code <case>.parquet} in {@code seriesDir/<id>/}; such scenarios
     * compute their own case without battery, whose steps they write.
     *
     * @param seriesDir null to keep none
     */
    public ScenarioRunner(Sweep sweep, List<Scenario> toRun, Path seriesDir) {
        this(sweep, toRun, seriesDir, null);
    }

    /**
     * As {@link #ScenarioRunner(Sweep, List, Path)}, the cases without battery kept in {@code kept}
     * when not null: a map that outlives the runner and bounds itself, so the runners of one sweep's
     * tasks in one JVM (a Spark executor's) share the cases each computed. This runner then leaves
     * them there when its scenarios are done.
     */
    public ScenarioRunner(
            Sweep sweep,
            List<Scenario> toRun,
            Path seriesDir,
            Map<String, CompletableFuture<PlanStudy.SharedBaseline>> kept) {
        this.baselines = kept != null ? kept : new ConcurrentHashMap<>();
        this.dropWhenDone = kept == null;
        if (sweep.series() && sweep.run() != ScenarioKind.PLAN) {
            throw new BadInputException(sweep.file() + ": series: a sweep of "
                    + sweep.run().id() + " has no per-step results to keep; only run: plan does");
        }
        this.seriesDir = sweep.series() ? seriesDir : null;
        this.sweep = sweep;
        this.figures = Headline.paths(sweep.run()).size();
        for (Scenario s : toRun) {
            remaining.computeIfAbsent(baselineKey(s), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * The scenarios ordered so those that share a case without battery run one after another, and
     * each shared case is held only while its scenarios run.
     */
    public static List<Scenario> byBaseline(List<Scenario> scenarios) {
        Map<String, Integer> first = new HashMap<>();
        for (Scenario s : scenarios) {
            first.putIfAbsent(baselineKey(s), first.size());
        }
        return scenarios.stream()
                .sorted(Comparator.comparingInt((Scenario s) -> first.get(baselineKey(s))))
                .toList();
    }

    /** Every override outside {@link #BATTERY_ONLY}, in order. */
    static String baselineKey(Scenario s) {
        StringBuilder key = new StringBuilder();
        for (SiteOverride o : s.overrides()) {
            String section = o.path().split("[.\\[]", 2)[0];
            if (!BATTERY_ONLY.contains(section)) {
                key.append(o.path()).append('=').append(o.value()).append('\n');
            }
        }
        return key.toString();
    }

    public ScenarioRow run(Scenario s) {
        try {
            return attempt(s);
        } finally {
            String key = baselineKey(s);
            AtomicInteger left = remaining.get(key);
            if (left != null && left.decrementAndGet() == 0 && dropWhenDone) {
                baselines.remove("true\n" + key);
                baselines.remove("false\n" + key);
            }
        }
    }

    private ScenarioRow attempt(Scenario s) {
        String[] inputs = {""};
        try {
            SiteConfig site = sweep.site(
                    s,
                    named -> inputs[0] =
                            InputFiles.of(sweep.site().toAbsolutePath().getParent(), named));
            Object result = sweep.run() != ScenarioKind.PLAN
                    ? figures(sweep.run(), site)
                    : seriesDir != null
                            ? plan(site, series(site, seriesDir.resolve(s.id())))
                            : plan(site, shared(s, site));
            return new ScenarioRow(
                    s.index(),
                    s.id(),
                    sweep.settings(),
                    inputs[0],
                    s.axisValues(),
                    null,
                    Headline.of(sweep.run(), result));
        } catch (BadInputException e) {
            return failed(s, inputs[0], e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(s, inputs[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ScenarioRow failed(Scenario s, String inputs, String error) {
        double[] none = new double[figures];
        Arrays.fill(none, Double.NaN);
        return new ScenarioRow(s.index(), s.id(), sweep.settings(), inputs, s.axisValues(), error, none);
    }

    /** The figures record the command prints with {@code --json}. */
    public static Object figures(ScenarioKind kind, SiteConfig site) {
        return switch (kind) {
            case PLAN -> plan(site);
            case OPTIMIZE -> optimize(site);
            case SIZE -> size(site);
        };
    }

    public static PlanFigures plan(SiteConfig site) {
        return plan(site, PlanStudy.SharedBaselines.NONE);
    }

    private static PlanFigures plan(SiteConfig site, PlanStudy.SharedBaselines baselines) {
        return PlanFigures.of(
                PlanStudy.run(site, PlanStudy.SinkFactory.NONE, null, PlanStudy.IN_LINE, baselines), warnings(site));
    }

    private static PlanFigures plan(SiteConfig site, PlanStudy.SinkFactory series) {
        return PlanFigures.of(
                PlanStudy.run(site, series, null, PlanStudy.IN_LINE, PlanStudy.SharedBaselines.NONE), warnings(site));
    }

    /** Each case's steps as {@code <case>.parquet} in {@code dir}, decimated as the site's {@code output.step} says. */
    private static PlanStudy.SinkFactory series(SiteConfig site, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create: " + e.getMessage(), e);
        }
        return (c, grid) -> List.of(new DecimatingSink(
                grid, site.output().stepMs(), List.of(new ParquetRowWriter(dir.resolve(c.fileStem() + ".parquet")))));
    }

    /** How many cases without battery this runner has computed: one per group of scenarios that share it. */
    public long baselinesComputed() {
        return baselinesComputed.sum();
    }

    /**
     * The scenario's case without battery, computed by the first scenario that needs it and waited
     * for by the others: the key is every override outside {@link #BATTERY_ONLY}, and whether the
     * control chain is simulated (the case then also finds the hour the chain is judged on).
     */
    private PlanStudy.SharedBaselines shared(Scenario s, SiteConfig site) {
        String key = PlanStudy.chainSimulated(site) + "\n" + baselineKey(s);
        return compute -> {
            CompletableFuture<PlanStudy.SharedBaseline> mine = new CompletableFuture<>();
            CompletableFuture<PlanStudy.SharedBaseline> first = baselines.putIfAbsent(key, mine);
            if (first != null) {
                try {
                    return first.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            try {
                baselinesComputed.increment();
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                baselines.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        };
    }

    /** What {@code optimize} prints without {@code --forecast}: the LP and its plan played through the battery model. */
    public static OptimizeFigures optimize(SiteConfig site) {
        if (site.batteries().isEmpty()) {
            throw new BadInputException("batteries: the site has none; the optimisation dispatches a battery");
        }
        Solver solver = Solver.byId(site.planning().optimize().solver());
        Optimization o = Optimization.of(site, 0, solver, true, null, null);
        OutageReport outage = site.planning().outage() == null ? null : OutageReport.of(site, o.problem(), o.plan());
        return OptimizeFigures.of(site, o, warnings(site), outage, null, null);
    }

    /** What {@code size} prints with its default solver (CLP), on one thread. */
    public static SizeFigures size(SiteConfig site) {
        SizingResult r = SizingSweep.run(site, Solver.CLP, 1, null);
        OutageReport outage = site.planning().outage() == null
                ? null
                : OutageReport.of(r.best().site(), r.best().problem(), r.best().solution());
        return SizeFigures.of(site, r, outage, warnings(site));
    }

    /** The site file's warnings, as every command prints them. */
    public static List<String> warnings(SiteConfig site) {
        return site.warnings().stream().map(ConfigProblem::toString).toList();
    }
}

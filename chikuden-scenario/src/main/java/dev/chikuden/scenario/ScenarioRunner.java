package dev.chikuden.scenario;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.optimize.Optimization;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.scenario.optimize.OptimizeFigures;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.scenario.size.SizeFigures;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one scenario of a sweep as its command would ({@code plan}, {@code optimize} or {@code
 * size}, figures only) and keeps its headline figures. A scenario runs on the caller's thread
 * alone: the runner around it keeps the cores busy with scenarios. A failing scenario comes back
 * as a row with its error; nothing is thrown for it.
 */
public final class ScenarioRunner {
    private final Sweep sweep;
    private final int figures;

    public ScenarioRunner(Sweep sweep) {
        this.sweep = sweep;
        this.figures = Headline.paths(sweep.run()).size();
    }

    public ScenarioRow run(Scenario s) {
        try {
            SiteConfig site = sweep.site(s);
            return new ScenarioRow(
                    s.index(), s.id(), s.axisValues(), null, Headline.of(sweep.run(), figures(sweep.run(), site)));
        } catch (BadInputException e) {
            return failed(s, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(s, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ScenarioRow failed(Scenario s, String error) {
        double[] none = new double[figures];
        Arrays.fill(none, Double.NaN);
        return new ScenarioRow(s.index(), s.id(), s.axisValues(), error, none);
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
        return PlanFigures.of(PlanStudy.run(site, PlanStudy.SinkFactory.NONE, null, Runnable::run), warnings(site));
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

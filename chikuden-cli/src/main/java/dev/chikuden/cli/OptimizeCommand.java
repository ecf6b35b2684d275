package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.cli.optimize.OptimizeTable;
import dev.chikuden.cli.output.OutageTable;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.GateClosureDispatch;
import dev.chikuden.optimize.IntradayPrices;
import dev.chikuden.optimize.MarketOffers;
import dev.chikuden.optimize.OfferSheet;
import dev.chikuden.optimize.Optimization;
import dev.chikuden.optimize.PriceForecast;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.optimize.OptimizeFigures;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "optimize",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Finds the cheapest dispatch of the site's batteries over its first study year with a linear "
                    + "program (energy at the tariff's prices, basic charge on the contract, excess demand, battery wear, "
                    + "export and reserve revenue; the PCS curve at each period's power, the SOC tapers, the HVAC load), "
                    + "then plays the plan through the full battery model under a demand limiter at the plan's monthly "
                    + "peaks and bills it like the case without battery. Prints the delivered saving, the LP's bound "
                    + "beside it, the monthly peaks planned and delivered, the objective's parts, build and solve times."
        })
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--step",
            paramLabel = "30min|15min",
            description = "LP period (default: the site's optimize.step, else 30 min).")
    String step;

    @Option(
            names = "--solver",
            paramLabel = "highs|clp|cbc|glop",
            description = "LP solver (default: the site's optimize.solver, else highs).")
    String solver;

    @Option(names = "--export-mps", paramLabel = "FILE", description = "Write the LP exactly as solved, as free MPS.")
    Path exportMps;

    @Option(
            names = "--schedule",
            paramLabel = "FILE.csv",
            description = "Write the optimal schedule: the battery's own net kW (> 0 discharge; the plan bought its "
                    + "auxiliaries from the grid), stored kWh and grid kW per period.")
    Path schedule;

    @Option(
            names = "--offers",
            paramLabel = "FILE.csv",
            description = "Write the balancing-market offers per product and block (with --forecast: those sold at "
                    + "gate closure on forecast prices).")
    Path offers;

    @Option(
            names = "--forecast",
            paramLabel = "perfect|seasonal-naive|mean-of-four-weeks",
            description = "Also trade day by day as the gates allow: each day's energy position sold at JEPX's "
                    + "day-ahead gate (10:00 the day before) on this forecast of energy prices, its reserve offers "
                    + "fixed at their gates on this forecast of reserve prices (14:00 the day before; a weekly "
                    + "product's, before 2026-03-14, for a Saturday-to-Friday week on the Tuesday before), deviations from the position traded at "
                    + "JEPX intraday prices where the site's prices.intraday gives them; prints the value captured "
                    + "against the year's LP with every price known, energy and reserve apart (sites without "
                    + "demand charges).")
    String forecast;

    @Option(
            names = "--no-check",
            description = "Skip the delivered run through the battery model: the LP's bound only.")
    boolean noCheck;

    @Mixin
    SharedOptions.Json json;

    @Mixin
    SharedOptions.Quiet quiet;

    @Override
    public Integer call() {
        SiteConfig site = siteFile.read();
        if (site.batteries().isEmpty()) {
            throw new BadInputException(
                    siteFile.path + ": batteries: the site has none; the optimisation dispatches a battery");
        }
        Solver chosen =
                solver(solver != null ? solver : site.planning().optimize().solver());
        Optimization o;
        long steps = SiteModels.timeGrid(site).steps();
        try (Progress progress = Progress.start(
                noCheck ? steps : 2 * steps, quiet.on, spec.commandLine().getErr())) {
            o = Optimization.of(
                    site,
                    periodMs(),
                    chosen,
                    !noCheck,
                    exportMps == null ? null : model -> write(exportMps, model.mps()),
                    progress);
        }
        if (schedule != null) {
            writeSchedule(site, o.problem(), o.plan());
        }
        OutageReport outage = site.planning().outage() == null ? null : OutageReport.of(site, o.problem(), o.plan());
        IntradayPrices intraday = forecast == null ? null : IntradayPrices.of(site, o.problem());
        GateClosureDispatch gate = forecast == null ? null : gateClosure(site, o.problem(), intraday, chosen);
        if (offers != null) {
            write(
                    offers,
                    OfferSheet.csv(
                            o.problem(), gate != null ? gate.soldKw() : o.plan().offerKw(), site.zone()));
        }
        OptimizeFigures figures = OptimizeFigures.of(site, o, ScenarioRunner.warnings(site), outage, gate, intraday);
        PrintWriter w = spec.commandLine().getOut();
        try {
            if (json.on) {
                w.print(PlanCommand.JSON.writeValueAsString(figures) + "\n");
            } else {
                StringBuilder sb = new StringBuilder(OptimizeTable.render(figures));
                if (outage != null) {
                    OutageTable.render(
                            sb,
                            "the site's battery",
                            outage,
                            o.problem().storage().dischargeKw());
                }
                w.print(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    private long periodMs() {
        if (step == null) {
            return 0;
        }
        String text = step.trim().replaceAll("(?<=\\d)(?=[a-z])", " ");
        double s;
        try {
            s = Quantities.parse(text, Dimension.DURATION);
        } catch (IllegalArgumentException e) {
            s = Double.NaN;
        }
        if (s != 1800 && s != 900) {
            throw new BadInputException("--step: \"" + step + "\" is not an LP period; use 30min or 15min");
        }
        return Math.round(s * 1000);
    }

    /** Trading {@code p} as the site's markets' gates allow, on {@code --forecast}'s prices. */
    private GateClosureDispatch gateClosure(
            SiteConfig site, DispatchProblem p, IntradayPrices intraday, Solver chosen) {
        long[][] gates =
                MarketOffers.gates(site.planning().markets(), site.zone(), p.startEpochMs(), p.periodMs(), p.periods());
        return GateClosureDispatch.of(p, gates, intraday, forecast(), chosen);
    }

    private PriceForecast forecast() {
        try {
            return PriceForecast.of(forecast);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--forecast: " + e.getMessage());
        }
    }

    private static Solver solver(String name) {
        Solver s = Solver.byId(name);
        if (s == null) {
            throw new BadInputException("--solver: \"" + name + "\" is not one of " + Solver.ids());
        }
        return s;
    }

    /** The plan: the battery's own net power (the LP's less the auxiliaries it bought), stored energy, grid. */
    private void writeSchedule(SiteConfig site, DispatchProblem p, DispatchSolution s) {
        long start = p.startEpochMs();
        long period = p.periodMs();
        double[] battery = new double[s.periods()];
        for (int t = 0; t < battery.length; t++) {
            battery[t] = s.batteryKw(t) - s.auxiliaryKw()[t];
        }
        SeriesCsv.write(
                schedule,
                site.zone(),
                List.of("battery_kw", "stored_kwh", "grid_kw"),
                List.of(
                        new FixedStepSeries(start, period, battery),
                        new FixedStepSeries(start, period, s.storedKwh()),
                        new FixedStepSeries(start, period, gridKw(s))));
    }

    private static double[] gridKw(DispatchSolution s) {
        double[] g = new double[s.periods()];
        for (int t = 0; t < g.length; t++) {
            g[t] = s.importKw()[t] - s.exportKw()[t];
        }
        return g;
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}

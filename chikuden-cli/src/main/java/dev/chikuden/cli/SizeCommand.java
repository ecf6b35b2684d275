package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.cli.size.SizeTable;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.size.SizeFigures;
import dev.chikuden.site.SiteConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "size",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Sizing and the business case: the site's battery scaled to every power and energy of its "
                    + "sizing grid, each size dispatched over the study's first year by the LP, its plan played through "
                    + "the battery model as optimize plays it (up to 100 sizes; of more, the 10 best by the LP), aged by "
                    + "its aging model and valued by its cash flows (capex, fixed O&M, cells bought at end of life, "
                    + "discount rate, study years): NPV, IRR, paybacks, LCOS, on the delivered saving and on the LP's. "
                    + "Prints both NPV grids and the best size by delivered NPV; with an outage section, how long the "
                    + "best size carries the critical load.",
            "Needs the site's tariff, finance section and a battery to scale; without a sizing section the grid "
                    + "is 0.5 to 1.5 times the battery, 5 x 5."
        })
final class SizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            defaultValue = "clp",
            description = "The LP solver: highs, clp, cbc or glop (default: ${DEFAULT-VALUE}, whatever the site's "
                    + "optimize.solver says: the sweep re-solves one model per power from the previous size's basis, "
                    + "which CLP can and HiGHS through OR-Tools cannot; HiGHS is several times slower here).")
    String solver;

    @Mixin
    SharedOptions.Json json;

    @Mixin
    SharedOptions.Quiet quiet;

    @Override
    public Integer call() {
        Solver lp = solver(solver);
        SiteConfig site = siteFile.read();
        SizingResult r;
        try (Progress progress = Progress.start(
                SizingSweep.work(site), quiet.on, spec.commandLine().getErr())) {
            r = SizingSweep.run(site, lp, Runtime.getRuntime().availableProcessors(), progress);
        }
        OutageReport outage = site.planning().outage() == null
                ? null
                : OutageReport.of(r.best().site(), r.best().problem(), r.best().solution());
        PrintWriter w = spec.commandLine().getOut();
        try {
            if (json.on) {
                w.print(PlanCommand.JSON.writeValueAsString(
                                SizeFigures.of(site, r, outage, ScenarioRunner.warnings(site)))
                        + "\n");
            } else {
                w.print(SizeTable.render(site, r, outage));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    static Solver solver(String name) {
        Solver s = Solver.byId(name);
        if (s == null) {
            throw new BadInputException("--solver " + name + ": not a solver; use one of " + Solver.ids());
        }
        return s;
    }
}

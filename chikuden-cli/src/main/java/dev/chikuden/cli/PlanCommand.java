package dev.chikuden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chikuden.BadInputException;
import dev.chikuden.cli.output.ResultFiles;
import dev.chikuden.cli.plan.PlanTable;
import dev.chikuden.cli.report.HtmlReport;
import dev.chikuden.cli.report.PngExport;
import dev.chikuden.cli.report.ReportFigures;
import dev.chikuden.cli.report.ReportInputs;
import dev.chikuden.cli.report.ReportRecorders;
import dev.chikuden.cli.report.SizingMap;
import dev.chikuden.config.FileNames;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the planning study of a site: simulated without its batteries and with them, "
                    + "under its control strategy, and prints energy, 30-minute demand, peak power, ramps, "
                    + "battery throughput, cycles, SOC range and losses.",
            "Per-step results go to <case>.csv and <case>.parquet in the output folder (decimated as the "
                    + "site's output.step says), with the figures in plan.json and report.html, a self-contained "
                    + "report with charts in English and Japanese."
        })
final class PlanCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Mixin
    SharedOptions.Out out;

    @Option(names = "--no-files", description = "Write no result files: figures only.")
    boolean noFiles;

    @Mixin
    SharedOptions.Json json;

    @Option(
            names = "--png",
            description = "Also save each chart of the report as a PNG (png/ in the output folder), "
                    + "drawn by headless Chromium (Debian package chromium).")
    boolean png;

    @Mixin
    SharedOptions.Quiet quiet;

    @Override
    public Integer call() {
        if (png && noFiles) {
            throw new BadInputException(
                    "--png saves the report's charts, and --no-files writes no report; drop one of them");
        }
        PngExport pngExport = png ? PngExport.withBrowserOnPath() : null; // before the study: fail fast
        SiteConfig site = siteFile.read();
        Path dir = out.dir != null ? out.dir : Path.of("out", FileNames.stem(siteFile.path));
        ReportRecorders recorders = noFiles ? null : new ReportRecorders(new ResultFiles(dir, site), site);
        PlanStudy.Result result;
        try (Progress progress = Progress.start(
                PlanStudy.totalSteps(site), quiet.on, spec.commandLine().getErr())) {
            result = PlanStudy.run(site, noFiles ? PlanStudy.SinkFactory.NONE : recorders, progress);
        }
        PlanFigures figures = PlanFigures.of(result, ScenarioRunner.warnings(site));
        PrintWriter w = spec.commandLine().getOut();
        try {
            if (!noFiles) {
                JSON.writeValue(dir.resolve("plan.json").toFile(), figures);
                ReportInputs inputs = ReportInputs.of(
                        site,
                        "chikuden "
                                + String.join(
                                        " ", spec.commandLine().getParseResult().originalArgs()));
                Path report =
                        HtmlReport.write(dir, ReportFigures.of(result, figures, recorders, sizingMap(site), inputs));
                if (pngExport != null) {
                    pngExport.export(report, dir.resolve("png"));
                }
            }
            if (json.on) {
                w.println(JSON.writeValueAsString(figures));
            } else {
                w.print(PlanTable.render(figures, noFiles ? null : "results and report.html in " + dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    /** The NPV map for the report, when the site asks for a sizing sweep and has the finance to value it. */
    private static SizingMap sizingMap(SiteConfig site) {
        if (site.planning().sizing() == null
                || site.planning().finance() == null
                || site.batteries().isEmpty()) {
            return null;
        }
        return SizingMap.of(SizingSweep.run(site, Solver.CLP));
    }
}

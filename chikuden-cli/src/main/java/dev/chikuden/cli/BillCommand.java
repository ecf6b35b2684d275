package dev.chikuden.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.BadInputException;
import dev.chikuden.scenario.plan.BillFigures;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceInput;
import dev.chikuden.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bill",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Bills a grid power series under the site's tariff: one bill per usage month with its line "
                    + "items (basic charge, excess demand, energy by band, adjustments, levy, subsidies, export sale, "
                    + "tax) and the total. 30-minute demand is taken on the site's local clock from any step."
        })
final class BillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--grid",
            required = true,
            paramLabel = "FILE.csv",
            description = "Grid power (> 0 imports) or a meter's interval energy: a time and a value column, any "
                    + "step; see the README's data section for the forms read.")
    Path grid;

    @Mixin
    TraceFileOptions input;

    @Option(
            names = "--case",
            paramLabel = "without-battery|with-battery",
            defaultValue = "without-battery",
            description = "Which case's contract a fixed grid.contract gives the series (default: ${DEFAULT-VALUE}); "
                    + "under grid.contract: auto the series is billed at its own peak either way.")
    String billedCase;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        SiteConfig site = siteFile.read();
        if (site.billing() == null || site.billing().tariff() == null) {
            throw new BadInputException(siteFile.path + ": has no tariff section; add e.g. "
                    + "tariff: {preset: kansai-high-voltage-as, powerFactor: 100 %}");
        }
        if (!billedCase.equals("without-battery") && !billedCase.equals("with-battery")) {
            throw new BadInputException("--case: \"" + billedCase + "\" is not without-battery or with-battery");
        }
        Trace read = TraceReader.read(grid, input.power(site.zone()));
        TraceInput power = read.input();
        SiteBilling.CaseBill billed = SiteBilling.single(
                site, BillingMeter.of(read.onNaturalGrid(site.zone()), site.zone()), billedCase.equals("with-battery"));
        Bill bill = billed.bill();
        Figures f = new Figures(
                site.name(),
                power,
                power.column(),
                power.unit(),
                billed.contractKw(),
                billed.basis().id(),
                BillFigures.of(bill));
        PrintWriter w = spec.commandLine().getOut();
        try {
            w.print(json.on ? PlanCommand.JSON.writeValueAsString(f) + "\n" : table(site, power, bill, f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    /** What {@code bill --json} prints: the series billed, its contract and the bill. */
    record Figures(
            String site,
            TraceInput input,
            String column,
            String unit,
            double contractKw,
            String contractBasis,
            @JsonUnwrapped BillFigures bill) {}

    private static String table(SiteConfig site, TraceInput power, Bill bill, Figures f) {
        StringBuilder sb =
                new StringBuilder(site.name()).append('\n').append(power.line()).append('\n');
        for (String note : power.notes()) {
            sb.append("  ").append(note).append('\n');
        }
        sb.append(String.format(
                Locale.ROOT,
                "Contract %,.0f kW (%s; grid.contract %s, exceedance %s)%n",
                f.contractKw(),
                f.contractBasis(),
                site.grid().contract().auto() ? "auto" : "fixed",
                site.grid().contract().exceedance().name().toLowerCase(Locale.ROOT)));
        sb.append(String.format(
                Locale.ROOT,
                "%n%-8s %16s %14s %14s %14s %16s%n",
                "month",
                "import kWh",
                "export kWh",
                "max 30-min kW",
                "contract kW",
                "total yen"));
        for (MonthlyBill m : bill.months()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-8s %,16.1f %,14.1f %,14.1f %,14.1f %,16d%s%n",
                    m.month(),
                    m.importKwh(),
                    m.exportKwh(),
                    m.maxDemandKw(),
                    m.contractKw(),
                    m.totalYen(),
                    m.coveredFraction() < 1
                            ? String.format(Locale.ROOT, "  (%.1f %% of the month)", m.coveredFraction() * 100)
                            : ""));
        }
        sb.append('\n');
        BillFigures.rows(sb, f.bill(), null);
        return sb.toString();
    }
}

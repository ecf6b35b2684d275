package dev.chikuden.cli;

import dev.chikuden.market.JepxSpotCsv;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.market.PriceSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "prices",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Reads a JEPX day-ahead spot file (spot_summary_YYYY.csv as published: Shift-JIS or UTF-8, "
                    + "48 half-hour slots a day in JST) and summarises one area's prices: slots, first and last slot, "
                    + "mean, median, min, max and the mean daily spread (highest minus lowest price of a day)."
        })
final class PricesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "A JEPX spot_summary file.")
    Path file;

    @Option(
            names = "--area",
            required = true,
            paramLabel = "AREA",
            description = "hokkaido, tohoku, tokyo, chubu, hokuriku, kansai, chugoku, shikoku, kyushu, "
                    + "or the Japanese name (関西) or column name.")
    String area;

    @Option(
            names = "--allow-negative",
            description =
                    "Accept prices below 0 (JEPX clears at 0.01 yen/kWh at least, so by default one is an error).")
    boolean allowNegative;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        PriceSeries series = JepxSpotCsv.read(file, area, allowNegative);
        Figures f = Figures.of(PriceSummary.of(series));
        PrintWriter w = spec.commandLine().getOut();
        try {
            w.println(json.on ? PlanCommand.JSON.writeValueAsString(f) : table(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    /** What {@code prices --json} prints; times are JST. */
    record Figures(
            String area,
            int slots,
            int missingSlots,
            String first,
            String last,
            double meanYenPerKwh,
            double medianYenPerKwh,
            double minYenPerKwh,
            double maxYenPerKwh,
            double meanDailySpreadYenPerKwh) {
        static Figures of(PriceSummary p) {
            return new Figures(
                    p.area(),
                    p.slots(),
                    p.missingSlots(),
                    time(p.firstSlotEpochMs()),
                    time(p.lastSlotEpochMs()),
                    p.meanYenPerKwh(),
                    p.medianYenPerKwh(),
                    p.minYenPerKwh(),
                    p.maxYenPerKwh(),
                    p.meanDailySpreadYenPerKwh());
        }
    }

    private static String table(Figures f) {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "JEPX day-ahead, area %s: %,d slots from %s to %s",
                f.area(),
                f.slots(),
                f.first(),
                f.last()));
        if (f.missingSlots() > 0) {
            sb.append(String.format(Locale.ROOT, " (%,d slots without a price)", f.missingSlots()));
        }
        sb.append('\n');
        row(sb, "mean", f.meanYenPerKwh());
        row(sb, "median", f.medianYenPerKwh());
        row(sb, "min", f.minYenPerKwh());
        row(sb, "max", f.maxYenPerKwh());
        row(sb, "mean daily max - min", f.meanDailySpreadYenPerKwh());
        return sb.toString().stripTrailing();
    }

    private static void row(StringBuilder sb, String label, double yenPerKwh) {
        sb.append(String.format(Locale.ROOT, "%-22s %8.2f yen/kWh%n", label, yenPerKwh));
    }

    /** {@code 2023-04-01T00:00+09:00}: JST, seconds omitted when zero. */
    private static String time(long epochMs) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMs), PriceSeries.JST)
                .toString();
    }
}

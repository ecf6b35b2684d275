package dev.chikuden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.aging.RainflowCounter;
import dev.chikuden.aging.RainflowCycles;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "rainflow",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Counts the cycles of a series in a CSV file (SOC, power, ...) by rainflow counting, "
                    + "ASTM E1049-85 section 5.4.4, and prints each (range, mean) with its count.",
            "The series is reduced to its reversals (peaks and valleys); a range at least as large as the "
                    + "one before it closes that one as a full cycle, or as a half cycle when it holds the "
                    + "starting point. The ranges left open at the end (the residue) count as half cycles. "
                    + "The mean is the midpoint of a cycle's two points."
        })
final class RainflowCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE.csv",
            description = "A series: a time column and values (SOC, power, ...), counted in time order; "
                    + "see the README's data section for the forms read.")
    Path file;

    @Mixin
    TraceFileOptions input;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        RainflowCycles cycles = new RainflowCycles();
        RainflowCounter counter = new RainflowCounter(cycles);
        Trace read = TraceReader.read(file, input.values(java.time.ZoneOffset.UTC));
        for (int i = 0; i < read.size(); i++) {
            counter.add(read.valueAt(i));
        }
        long samples = read.size();
        counter.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.print(json.on ? json(cycles, samples, counter.reversals()) : table(cycles, samples, counter.reversals()));
        w.flush();
        return 0;
    }

    /** What {@code rainflow --json} prints. */
    record Figures(List<Cycle> cycles, double totalCycles, long samples, long reversals) {}

    /** Cycles of one range and mean; a half cycle counts 0.5. */
    record Cycle(double range, double mean, double count) {}

    private static String json(RainflowCycles cycles, long samples, long reversals) {
        List<Cycle> list = cycles.cycles().stream()
                .map(c -> new Cycle(c.range(), c.mean(), c.count()))
                .toList();
        try {
            return JSON.writeValueAsString(new Figures(list, cycles.totalCycles(), samples, reversals)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String table(RainflowCycles cycles, long samples, long reversals) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%16s %16s %8s%n", "range", "mean", "count"));
        for (RainflowCycles.Cycle c : cycles.cycles()) {
            sb.append(String.format(Locale.ROOT, "%16s %16s %8.1f%n", plain(c.range()), plain(c.mean()), c.count()));
        }
        return sb.append(String.format(
                        Locale.ROOT,
                        "%-33s %8.1f cycles from %,d samples (%,d reversals)%n",
                        "total",
                        cycles.totalCycles(),
                        samples,
                        reversals))
                .toString();
    }

    /** The shortest decimal that reads back as the same double, as in the JSON, never in E notation. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}

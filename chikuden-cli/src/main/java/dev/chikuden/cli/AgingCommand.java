package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.aging.AgingModel;
import dev.chikuden.aging.AgingRun;
import dev.chikuden.aging.BlastLfpGr250Ah;
import dev.chikuden.aging.DutyProfile;
import dev.chikuden.aging.LifeTable;
import dev.chikuden.aging.LifeTableModel;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "aging",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs a capacity-fade model on a battery duty and prints the relative capacity on chosen "
                    + "days and at the end.",
            "The profile is a CSV with the header time_s,soc,temperature_c (seconds from the start, SOC 0..1, "
                    + "cell temperature in °C; # comment lines allowed). Stressors are accumulated per sample "
                    + "and the state is updated once a day, as NREL's BLAST does. A warning says when the duty "
                    + "leaves the range the model was fitted on."
        })
final class AgingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "NAME",
            description = "The aging model: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Models.class)
    String model;

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "FILE.csv",
            description = "The duty (time_s,soc,temperature_c).")
    Path profile;

    @Option(
            names = "--table",
            paramLabel = "LIFE.csv",
            description = "For --model table: the cycle-life table, header dod_percent,cycles,capacity_percent.")
    Path table;

    @Option(
            names = "--calendar",
            paramLabel = "LOSS",
            description = "For --model table: calendar loss after one year at 25 °C (e.g. 2%%), growing with the "
                    + "square root of time and doubling every 10 °C (default: none).")
    String calendar;

    @Option(
            names = "--days",
            split = ",",
            paramLabel = "D",
            defaultValue = "30,90,180,365",
            description = "Days at which to report the capacity (default: ${DEFAULT-VALUE}).")
    List<Double> days;

    @Mixin
    SharedOptions.Json json;

    static final class Models extends ArrayList<String> {
        Models() {
            super(List.of(BlastLfpGr250Ah.NAME, LifeTableModel.NAME));
        }
    }

    @Override
    public Integer call() throws IOException {
        AgingModel m = create();
        DutyProfile duty = DutyProfile.read(profile);
        AgingRun.Result r = AgingRun.run(
                m, duty, days.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            List<Point> points = r.points().stream().map(Point::of).toList();
            out.println(PlanCommand.JSON.writeValueAsString(
                    new Figures(r.model(), points, Point.of(r.end()), r.warnings())));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s on %s (%d samples)%n%n%10s  %s%n",
                    r.model(),
                    profile,
                    duty.size(),
                    "day",
                    "relative capacity");
            for (AgingRun.Point p : r.points()) {
                out.printf(Locale.ROOT, "%10s  %.6f%n", fmt(p.day()), p.relativeCapacity());
            }
            out.printf(
                    Locale.ROOT,
                    "%10s  %.6f  (end)%n",
                    fmt(r.end().day()),
                    r.end().relativeCapacity());
        }
        for (String w : r.warnings()) {
            spec.commandLine().getErr().println("chikuden: warning: " + w);
        }
        out.flush();
        return 0;
    }

    /** What {@code aging --json} prints. */
    record Figures(String model, List<Point> points, Point end, List<String> warnings) {}

    /** Relative capacity on a day (a whole day printed as an integer). */
    record Point(Number day, double relativeCapacity) {
        static Point of(AgingRun.Point p) {
            return new Point(p.day() == Math.rint(p.day()) ? (Number) (long) p.day() : p.day(), p.relativeCapacity());
        }
    }

    private static String fmt(double day) {
        return day == Math.rint(day) ? Long.toString((long) day) : String.format(Locale.ROOT, "%.3f", day);
    }

    private AgingModel create() {
        if (BlastLfpGr250Ah.NAME.equals(model)) {
            return new BlastLfpGr250Ah();
        }
        if (LifeTableModel.NAME.equals(model)) {
            if (table == null) {
                throw new BadInputException(
                        "--model table needs --table LIFE.csv (dod_percent,cycles,capacity_percent)");
            }
            double loss = 0;
            if (calendar != null) {
                try {
                    loss = Quantities.parse(calendar, Dimension.FRACTION);
                } catch (QuantityFormatException e) {
                    throw new BadInputException("--calendar " + e.getMessage());
                }
            }
            return new LifeTableModel(LifeTable.read(table), loss, 25, 10);
        }
        throw new BadInputException("--model \"" + model + "\" is not an aging model; available: " + new Models());
    }
}

package dev.chikuden.cli.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import java.util.List;

/**
 * A case's grid-code metrics and the verdict of every rule. A metric the trace cannot give (a band
 * the step cannot resolve) is null.
 */
public record GridCodeFigures(
        double maxRampUpKwPerS,
        double maxRampDownKwPerS,
        double maxRampUpKwPerMin,
        double maxRampDownKwPerMin,
        double maxRampKwPerMin,
        double dynamicRangeKw,
        double dynamicRangeWindowSeconds,
        double bandLowHz,
        double bandHighHz,
        Double bandEnergyShare,
        Double bandRmsKw,
        Double dominantFrequencyHz,
        long loadDropEvents,
        double largestDropKw,
        double loadDropKw,
        double loadDropWithinSeconds,
        List<String> notes,
        List<Rule> rules) {
    /** One rule's verdict. */
    public record Rule(
            String rule,
            Double value,
            double limit,
            String unit,
            boolean pass,
            Double margin,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    /** A rule a case fails, as the table lists it. */
    public record Failure(String rule, double value, double limit) {}

    public static GridCodeFigures of(GridCodeReport report) {
        GridCodeMetrics g = report.metrics();
        List<Rule> rules = report.verdicts().stream()
                .map(v -> new Rule(
                        v.rule(), nullIfNaN(v.value()), v.limit(), v.unit(), v.pass(), nullIfNaN(v.margin()), v.note()))
                .toList();
        return new GridCodeFigures(
                g.maxRampUpKwPerS(),
                g.maxRampDownKwPerS(),
                g.maxRampUpKwPerMin(),
                g.maxRampDownKwPerMin(),
                Math.max(g.maxRampUpKwPerMin(), g.maxRampDownKwPerMin()),
                g.dynamicRangeKw(),
                g.dynamicRangeWindowSeconds(),
                g.bandLowHz(),
                g.bandHighHz(),
                nullIfNaN(g.bandEnergyShare()),
                nullIfNaN(g.bandRmsKw()),
                nullIfNaN(g.dominantFrequencyHz()),
                g.loadDropEvents(),
                g.largestDropKw(),
                g.loadDropKw(),
                g.loadDropWithinSeconds(),
                g.notes(),
                rules);
    }

    static List<Failure> failures(GridCodeReport report) {
        return report.verdicts().stream()
                .filter(v -> !v.pass())
                .map(v -> new Failure(v.rule(), v.value(), v.limit()))
                .toList();
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** "pass (6)", "FAIL 2 of 6", or "none judged" when no rule has a limit. */
    String verdict(List<Failure> failures) {
        if (rules.isEmpty()) {
            return "none judged";
        }
        return failures.isEmpty() ? "pass (" + rules.size() + ")" : "FAIL " + failures.size() + " of " + rules.size();
    }
}

package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import java.util.List;

/**
 * A case's grid-code metrics and the verdict of every rule. A metric the trace cannot give (a band
 * the step cannot resolve) is null, and so are the load drops of a site without load that no rule
 * judges (see {@link #withoutLoadDrops}).
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
        Long loadDropEvents,
        Double largestDropKw,
        Double loadDropKw,
        Double loadDropWithinSeconds,
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

    /** The rule that judges load drops. */
    static final String LOAD_DROP_RULE = "loadDropEvents";

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

    /**
     * The figures of a site without load: its grid power drops when the battery turns from charging
     * to discharging, which is no load dropping, so the count is left out (null, with a note) unless
     * the site's own rules judge it.
     */
    GridCodeFigures withoutLoadDrops() {
        if (rules.stream().anyMatch(r -> r.rule().equals(LOAD_DROP_RULE))) {
            return this;
        }
        List<String> withNote = new java.util.ArrayList<>(notes);
        withNote.add("no load: a drop of grid power is the battery's own swing, not a load dropping; "
                + "load drops are not counted unless the site's rules judge them");
        return new GridCodeFigures(
                maxRampUpKwPerS,
                maxRampDownKwPerS,
                maxRampUpKwPerMin,
                maxRampDownKwPerMin,
                maxRampKwPerMin,
                dynamicRangeKw,
                dynamicRangeWindowSeconds,
                bandLowHz,
                bandHighHz,
                bandEnergyShare,
                bandRmsKw,
                dominantFrequencyHz,
                null,
                null,
                null,
                null,
                List.copyOf(withNote),
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
    public String verdict(List<Failure> failures) {
        if (rules.isEmpty()) {
            return "none judged";
        }
        return failures.isEmpty() ? "pass (" + rules.size() + ")" : "FAIL " + failures.size() + " of " + rules.size();
    }
}

package dev.chikuden.gridcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid-code rule set: how the metrics are measured ({@link GridCodeSettings}) and the limit of
 * each rule; a null limit means the rule is not judged. Power limits are absolute or a fraction of
 * the trace's peak ({@link PowerLimit}). Read from YAML ({@link #read}); the shipped
 * {@link #defaults()} are illustrative limits for a 100-150 MW AI campus, see
 * {@code dev/chikuden/gridcode/rules/default.yaml}.
 *
 * @param source            where the rules came from, for reports
 * @param maxRampUpPerS     largest rise over 1 s, per second
 * @param maxRampDownPerS   largest fall over 1 s, per second
 * @param maxRampPerMin     largest rise or fall over 1 min, per minute
 * @param maxDynamicRange   largest deviation from the rolling mean
 * @param maxBandShare      largest share of oscillation energy in the band, a fraction
 * @param minBandRms        the share is judged only when the band's RMS oscillation exceeds this;
 *                          null: always judged
 * @param maxLoadDropEvents most load-drop events allowed
 * @param maxDemand30min    largest 30-minute demand
 */
public record GridCodeRules(
        String source,
        GridCodeSettings settings,
        PowerLimit maxRampUpPerS,
        PowerLimit maxRampDownPerS,
        PowerLimit maxRampPerMin,
        PowerLimit maxDynamicRange,
        Double maxBandShare,
        PowerLimit minBandRms,
        Long maxLoadDropEvents,
        PowerLimit maxDemand30min) {
    static final String DEFAULT_RESOURCE = "rules/default.yaml";

    /** The shipped rule set (a resource, read once). */
    public static GridCodeRules defaults() {
        return Defaults.RULES;
    }

    /** Reads a rule set; every problem at once, with file, line and column, as a {@code ConfigException}. */
    public static GridCodeRules read(Path file) {
        return GridCodeRulesReader.read(file);
    }

    /** Only the metrics, no rules: every limit absent. */
    public static GridCodeRules none(GridCodeSettings settings) {
        return new GridCodeRules("no rules", settings, null, null, null, null, null, null, null, null);
    }

    /** The verdict of every rule that has a limit, in a fixed order. */
    public List<RuleVerdict> judge(GridCodeMetrics m) {
        double peak = m.peakKw();
        List<RuleVerdict> out = new ArrayList<>();
        if (maxRampUpPerS != null) {
            out.add(RuleVerdict.atMost(
                    "maxRampUpMwPerS", "MW/s", m.maxRampUpKwPerS() / 1000, maxRampUpPerS.kw(peak) / 1000));
        }
        if (maxRampDownPerS != null) {
            out.add(RuleVerdict.atMost(
                    "maxRampDownMwPerS", "MW/s", m.maxRampDownKwPerS() / 1000, maxRampDownPerS.kw(peak) / 1000));
        }
        if (maxRampPerMin != null) {
            out.add(RuleVerdict.atMost(
                    "maxRampMwPerMin",
                    "MW/min",
                    Math.max(m.maxRampUpKwPerMin(), m.maxRampDownKwPerMin()) / 1000,
                    maxRampPerMin.kw(peak) / 1000));
        }
        if (maxDynamicRange != null) {
            out.add(RuleVerdict.atMost(
                    "dynamicRangeMw", "MW", m.dynamicRangeKw() / 1000, maxDynamicRange.kw(peak) / 1000));
        }
        if (maxBandShare != null) {
            out.add(oscillation(m));
        }
        if (maxLoadDropEvents != null) {
            out.add(RuleVerdict.atMost("loadDropEvents", "events", m.loadDropEvents(), maxLoadDropEvents));
        }
        if (maxDemand30min != null) {
            out.add(RuleVerdict.atMost(
                    "maxDemand30minMw", "MW", m.peakDemand30minKw() / 1000, maxDemand30min.kw(peak) / 1000));
        }
        return out;
    }

    private RuleVerdict oscillation(GridCodeMetrics m) {
        String rule = "bandEnergyShare";
        double share = m.bandEnergyShare();
        if (Double.isNaN(share)) {
            String why = m.notes().stream()
                    .filter(n -> n.contains("cannot be measured") || n.contains("no spectrum"))
                    .findFirst()
                    .orElse("the share cannot be measured");
            return new RuleVerdict(rule, "", share, maxBandShare, true, Double.NaN, "not judged: " + why);
        }
        RuleVerdict v = RuleVerdict.atMost(rule, "", share, maxBandShare);
        if (!v.pass() && minBandRms != null && m.bandRmsKw() <= minBandRms.kw(m.peakKw())) {
            return new RuleVerdict(
                    rule,
                    "",
                    share,
                    maxBandShare,
                    true,
                    v.margin(),
                    String.format(
                            java.util.Locale.ROOT,
                            "passes: the band's RMS oscillation of %.3f MW is below the floor of %.3f MW",
                            m.bandRmsKw() / 1000,
                            minBandRms.kw(m.peakKw()) / 1000));
        }
        return v;
    }

    private static final class Defaults {
        static final GridCodeRules RULES = load();

        private static GridCodeRules load() {
            try (InputStream in = GridCodeRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the build");
                }
                return GridCodeRulesReader.read(
                        Path.of("(built-in) " + DEFAULT_RESOURCE),
                        new InputStreamReader(in, StandardCharsets.UTF_8),
                        "default rules");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

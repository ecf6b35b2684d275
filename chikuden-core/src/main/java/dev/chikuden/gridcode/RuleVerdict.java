package dev.chikuden.gridcode;

/**
 * One rule judged on a trace.
 *
 * @param rule   the rule's name, with its unit, e.g. {@code maxRampUpMwPerS}
 * @param unit   the unit of value, limit and margin, e.g. {@code MW/s}, {@code events}, or empty
 *               for a fraction
 * @param value  the measured metric (NaN when it cannot be measured at this step)
 * @param limit  the largest allowed value (relative limits resolved against the trace's peak)
 * @param pass   value at most limit; true for a rule that could not be judged (see note)
 * @param margin {@code limit - value}: negative when the rule fails
 * @param note   why the rule was not judged or how it was, or null
 */
public record RuleVerdict(
        String rule, String unit, double value, double limit, boolean pass, double margin, String note) {
    static RuleVerdict atMost(String rule, String unit, double value, double limit) {
        return new RuleVerdict(rule, unit, value, limit, value <= limit, limit - value, null);
    }
}

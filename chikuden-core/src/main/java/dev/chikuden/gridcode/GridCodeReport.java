package dev.chikuden.gridcode;

import java.util.List;

/** The metrics of a trace and the verdict of each rule on them. */
public record GridCodeReport(GridCodeMetrics metrics, List<RuleVerdict> verdicts) {
    public GridCodeReport {
        verdicts = List.copyOf(verdicts);
    }

    /** True when every rule passes. */
    public boolean pass() {
        return verdicts.stream().allMatch(RuleVerdict::pass);
    }
}

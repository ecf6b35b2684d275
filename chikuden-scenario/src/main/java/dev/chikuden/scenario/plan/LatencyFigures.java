package dev.chikuden.scenario.plan;

import dev.chikuden.study.LatencyTolerance;
import java.util.List;

/**
 * What the chain's latency tolerance was measured on and how: the worst hour, the SOC the hour's
 * run started at, the configured chain's verdict there and the search's bounds.
 *
 * @param largestNetLoadChangeKw the net load's largest 1-s change, which picked the hour
 * @param failuresAbove the rules failing at the next latency searched above the tolerated one
 */
public record LatencyFigures(
        double largestNetLoadChangeKw,
        double socAtWarmUp,
        double configuredLatencyMs,
        boolean configuredPasses,
        List<String> configuredFailures,
        boolean passesWithoutLatency,
        boolean capped,
        List<String> failuresAbove,
        long resolutionMs,
        long searchMaxMs,
        double warmUpSeconds) {
    static LatencyFigures of(LatencyTolerance t, double warmUpSeconds) {
        return new LatencyFigures(
                t.largestChangeKw(),
                t.socAtWarmUp(),
                t.configuredLatencyMs(),
                t.configuredFailures().isEmpty(),
                t.configuredFailures(),
                t.passesWithoutLatency(),
                t.capped(),
                t.failuresAbove(),
                LatencyTolerance.RESOLUTION_MS,
                LatencyTolerance.SEARCH_MAX_MS,
                warmUpSeconds);
    }
}

package dev.chikuden.study;

import java.util.List;

/**
 * How much latency the site's control chain may have before a grid-code rule fails on the study's
 * worst hour: the local hour holding the largest 1-s change of the net load. The total latency is
 * measurement delay + command delay + the converter's time constant, all scaled by one factor
 * ({@link WorstHour#withTotalLatency}); loop periods and ramp stay as configured.
 *
 * @param hourStartEpochMs      start of the worst hour
 * @param largestChangeKw       the net load's largest 1-s change, which lies in that hour
 * @param socAtWarmUp           the SOC the hour's run starts at (5 minutes before the hour, from the
 *                              with-battery run)
 * @param configuredLatencyMs   the configured chain's total latency
 * @param configuredFailures    the rules the configured chain fails on the hour; empty when it passes
 * @param passesWithoutLatency  whether all rules pass on the hour with no latency at all
 * @param toleratedMs           the largest total latency, a multiple of {@link #RESOLUTION_MS}, at which
 *                              every rule passes on the hour; 0 when none does
 * @param capped                whether it passes even at {@link #SEARCH_MAX_MS}, where the search stops
 * @param failuresAbove         the rules failing at the next latency searched above {@code toleratedMs}
 *                              (at 0 when nothing passes); empty when capped
 */
public record LatencyTolerance(
        long hourStartEpochMs,
        double largestChangeKw,
        double socAtWarmUp,
        long configuredLatencyMs,
        List<String> configuredFailures,
        boolean passesWithoutLatency,
        long toleratedMs,
        boolean capped,
        List<String> failuresAbove) {
    /** The search's resolution. */
    public static final long RESOLUTION_MS = 10;
    /** The longest total latency searched. */
    public static final long SEARCH_MAX_MS = 2000;

    public LatencyTolerance {
        configuredFailures = List.copyOf(configuredFailures);
        failuresAbove = List.copyOf(failuresAbove);
    }
}

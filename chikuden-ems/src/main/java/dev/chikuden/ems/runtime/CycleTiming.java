package dev.chikuden.ems.runtime;

/**
 * How the cycle keeps time, over the cycles since start (or the recent window the runtime keeps).
 *
 * @param cycles    cycles run
 * @param periodMs  the configured cycle period
 * @param p50Ms     median cycle duration (start to last setpoint written)
 * @param p99Ms     99th percentile cycle duration
 * @param maxMs     longest cycle
 * @param lateP99Ms 99th percentile of how late a cycle started (jitter)
 * @param overruns  cycles that took longer than the period
 */
public record CycleTiming(
        long cycles, double periodMs, double p50Ms, double p99Ms, double maxMs, double lateP99Ms, long overruns) {}

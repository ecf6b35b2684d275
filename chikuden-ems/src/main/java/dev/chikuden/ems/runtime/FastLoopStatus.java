package dev.chikuden.ems.runtime;

/**
 * The fast loop as the API and the dashboard show it. Hosted by a plant controller ({@code host:
 * device}), {@code cycles} are the controller's own count, {@code commands} the blocks of held
 * requests it acknowledged, the latencies NaN (measured in the controller) and the binding layer the
 * one it reports.
 *
 * @param periodMs     its period ({@code control.fast.period}, no slower than the supervisory cycle)
 * @param host         where it runs: {@code ems}, a thread of this service; {@code device}, a plant controller
 * @param cycles       fast cycles run since start (held ones included)
 * @param commands     fast cycles whose setpoints every unit acknowledged
 * @param latencyP50Ms median read-to-acknowledge latency: from the start of the meter read to the
 *                     last unit's acknowledgement, over the recent commands
 * @param latencyP99Ms 99th percentile of the same
 * @param overruns     cycles that ran past their next slot (which was skipped)
 * @param meterMisses  cycles that held, writing nothing, because the meter did not answer in time
 * @param lastBinding  the layer that decided the last command (null before the first)
 */
public record FastLoopStatus(
        long periodMs,
        String host,
        long cycles,
        long commands,
        double latencyP50Ms,
        double latencyP99Ms,
        long overruns,
        long meterMisses,
        String lastBinding) {}

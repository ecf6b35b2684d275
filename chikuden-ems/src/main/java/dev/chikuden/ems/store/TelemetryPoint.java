package dev.chikuden.ems.store;

/**
 * One row of a telemetry answer: a raw cycle ({@code resolutionMs} = the cycle, min = max = mean)
 * or an aggregate over a bucket starting at {@code epochMs}. Powers in kW, SOC 0..1.
 */
public record TelemetryPoint(
        long epochMs,
        long resolutionMs,
        int samples,
        double gridKw,
        double gridMinKw,
        double gridMaxKw,
        double batteryKw,
        double batteryMinKw,
        double batteryMaxKw,
        double setpointKw,
        double loadKw,
        double soc,
        double frequencyHz) {}

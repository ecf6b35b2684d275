package dev.chikuden.load;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * A load made of a constant base scaled by a daily shape (24 hourly factors, interpolated linearly
 * between hour midpoints, in local time), a weekend factor, and optional seeded noise. The noise
 * is a first-order autoregressive process per step (correlation 0.9 from step to step) so it looks
 * like metered power rather than static. Its innovations are a hash of (seed, step): the same seed
 * gives the same load, and the engine's sequential chunks give the same values whatever their size.
 */
public final class DailyProfileLoad implements Profile {
    private final TimeGrid grid;
    private final double baseKw;
    private final double[] hourly;
    private final double weekendFactor;
    private final double noiseFraction;
    private final long seed;
    private final ZoneRules rules;

    private long noiseStep = -1;
    private double noiseState;

    public DailyProfileLoad(
            TimeGrid grid,
            double baseKw,
            double[] hourlyFactors,
            double weekendFactor,
            double noiseFraction,
            long seed) {
        if (hourlyFactors.length != 24) {
            throw new IllegalArgumentException("need 24 hourly factors, got " + hourlyFactors.length);
        }
        this.grid = grid;
        this.baseKw = baseKw;
        this.hourly = hourlyFactors.clone();
        this.weekendFactor = weekendFactor;
        this.noiseFraction = noiseFraction;
        this.seed = seed;
        this.rules = grid.zone().getRules();
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        int i = 0;
        while (i < count) {
            // work one local day (or the rest of the chunk) at a time: offset and weekday are constant in it
            long t0 = grid.epochMsAt(firstStep + i);
            ZoneOffset offset = rules.getOffset(Instant.ofEpochMilli(t0));
            long localMs = t0 + offset.getTotalSeconds() * 1000L;
            long dayStartLocal = Math.floorDiv(localMs, 86_400_000L) * 86_400_000L;
            long dayIndex = dayStartLocal / 86_400_000L;
            boolean weekend = Math.floorMod(dayIndex + 3, 7) >= 5; // 1970-01-01 was a Thursday
            double dayFactor = weekend ? weekendFactor : 1.0;
            long stepsLeftInDay =
                    Math.max(1, (dayStartLocal + 86_400_000L - localMs + grid.stepMs() - 1) / grid.stepMs());
            int n = (int) Math.min(count - i, stepsLeftInDay);
            double msIntoDay = localMs - dayStartLocal;
            for (int k = 0; k < n; k++) {
                double hour = (msIntoDay + k * (double) grid.stepMs()) / 3_600_000.0 - 0.5;
                int h0 = (int) Math.floor(hour);
                double frac = hour - h0;
                double shape = hourly[(h0 + 24) % 24] * (1 - frac) + hourly[(h0 + 25) % 24] * frac;
                out[i + k] = baseKw * shape * dayFactor * (1 + noise(firstStep + i + k));
            }
            i += n;
        }
    }

    /** AR(1) noise with unit-variance innovations scaled to {@code noiseFraction}; cheap when sequential. */
    private double noise(long step) {
        if (noiseFraction == 0) {
            return 0;
        }
        if (step != noiseStep + 1) {
            noiseState = 0; // out-of-order access: warm the process up again from 64 steps back
            for (long s = Math.max(0, step - 64); s < step; s++) {
                noiseState = 0.9 * noiseState + 0.4359 * gaussianish(s);
            }
        }
        noiseState = 0.9 * noiseState + 0.4359 * gaussianish(step);
        noiseStep = step;
        return noiseFraction * noiseState;
    }

    /** A hash of (seed, step) to an approximately normal number (sum of uniforms), unit variance. */
    private double gaussianish(long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        // four 16-bit uniforms: mean 2, variance 4/12
        double sum = (z & 0xFFFF) + ((z >>> 16) & 0xFFFF) + ((z >>> 32) & 0xFFFF) + ((z >>> 48) & 0xFFFF);
        return (sum / 65536.0 - 2.0) * Math.sqrt(3.0);
    }
}

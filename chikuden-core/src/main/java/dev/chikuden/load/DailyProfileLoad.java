package dev.chikuden.load;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * A load made of a constant base scaled by a daily shape (24 hourly factors, interpolated linearly
 * between hour midpoints, in local time), a weekend factor, and optional seeded {@link StepNoise}.
 */
public final class DailyProfileLoad implements Profile {
    private final TimeGrid grid;
    private final double baseKw;
    private final double[] hourly;
    private final double weekendFactor;
    private final StepNoise noise;
    private final ZoneRules rules;
    private double[] dayShape;
    private long dayShapePhaseMs;

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
        this.noise = new StepNoise(noiseFraction, seed);
        this.rules = grid.zone().getRules();
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        long stepMs = grid.stepMs();
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
            long stepsLeftInDay = Math.max(1, (dayStartLocal + 86_400_000L - localMs + stepMs - 1) / stepMs);
            int n = (int) Math.min(count - i, stepsLeftInDay);
            long msIntoDay = localMs - dayStartLocal;
            double[] day = dayShape(msIntoDay % stepMs, stepMs);
            int j = (int) (msIntoDay / stepMs);
            for (int k = 0; k < n; k++) {
                out[i + k] = day[j + k] * dayFactor * (1 + noise.at(firstStep + i + k));
            }
            i += n;
        }
    }

    /**
     * The base times the shape at every step of a day whose steps fall {@code phaseMs} after a
     * multiple of the step: a day's steps repeat each day, so they are worked out once, not per step.
     */
    private double[] dayShape(long phaseMs, long stepMs) {
        if (dayShape == null || phaseMs != dayShapePhaseMs) {
            double[] shape = new double[(int) ((86_400_000L - phaseMs + stepMs - 1) / stepMs)];
            for (int j = 0; j < shape.length; j++) {
                double hour = (phaseMs + j * (double) stepMs) / 3_600_000.0 - 0.5;
                int h0 = (int) Math.floor(hour);
                double frac = hour - h0;
                shape[j] = baseKw * (hourly[(h0 + 24) % 24] * (1 - frac) + hourly[(h0 + 25) % 24] * frac);
            }
            dayShape = shape;
            dayShapePhaseMs = phaseMs;
        }
        return dayShape;
    }
}

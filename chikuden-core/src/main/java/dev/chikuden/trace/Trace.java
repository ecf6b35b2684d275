package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.units.Quantities;

/**
 * A series as measured: samples at their own instants (strictly increasing, any spacing) and what
 * the reader decided about the file. A sample is the value at its instant; {@link #onGrid}
 * integrates between samples onto a fixed grid. Power is in kW.
 */
public final class Trace {
    private final long[] epochMs;
    private final double[] values;
    private final int[] lines;
    private final long endMs;
    private final Resample resample;
    private final GapPolicy gaps;
    private final long gapLimitMs;
    private final TraceInput input;

    Trace(long[] epochMs, double[] values, int[] lines, long medianStepMs, TraceOptions options, TraceInput input) {
        this.epochMs = epochMs;
        this.values = values;
        this.lines = lines;
        this.endMs = epochMs[epochMs.length - 1] + medianStepMs;
        this.resample = options.resampleOrDefault();
        this.gaps = options.gaps() == null ? GapPolicy.ERROR : options.gaps();
        this.gapLimitMs = input.gapLimitMs();
        this.input = input;
    }

    /** What the reader decided. */
    public TraceInput input() {
        return input;
    }

    public int size() {
        return epochMs.length;
    }

    public long epochMsAt(int i) {
        return epochMs[i];
    }

    public double valueAt(int i) {
        return values[i];
    }

    /** The file line sample {@code i} was read from (its first line for a GPU poll). */
    public long lineAt(int i) {
        return lines[i];
    }

    /** The end of the recording: the last sample's instant plus one median step. */
    public long endEpochMs() {
        return endMs;
    }

    /** The values in time order, a copy. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The analysis step a trace suggests: the longest of 1, 2 and 5 times a power of ten ms, or of
     * 1, 2, 5, 10, 15, 20 and 30 s, min or h, that is not longer than its median step (so a
     * jittered 100-120 ms trace is analysed at 100 ms, a 30-minute export at 30 min).
     */
    public long naturalStepMs() {
        long median = input.medianStepMs();
        long best = 1;
        for (long unit : new long[] {1, 10, 100}) {
            for (long k : new long[] {1, 2, 5}) {
                best = k * unit <= median ? k * unit : best;
            }
        }
        for (long unit : new long[] {1_000, 60_000, 3_600_000}) {
            for (long k : new long[] {1, 2, 5, 10, 15, 20, 30}) {
                best = k * unit <= median ? k * unit : best;
            }
        }
        for (long k : new long[] {2, 3, 4, 6, 12, 24}) {
            best = k * 3_600_000 <= median ? k * 3_600_000 : best;
        }
        return best;
    }

    /** The trace on its {@linkplain #naturalStepMs() natural step}, steps aligned to local midnight in {@code zone}. */
    public FixedStepSeries onNaturalGrid(java.time.ZoneId zone) {
        return onGrid(localMidnight(zone), naturalStepMs());
    }

    /** Local midnight, in {@code zone}, of the day of the first sample. */
    public long localMidnight(java.time.ZoneId zone) {
        return java.time.Instant.ofEpochMilli(epochMs[0])
                .atZone(zone)
                .toLocalDate()
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }

    /**
     * The trace on the grid of steps {@code phaseMs + k * stepMs} that lie wholly inside the
     * recording; each value is the mean over its step of the signal between samples (held or
     * linear, see {@link Resample}), or with {@link Resample#HOLD} the value at its start. Gaps
     * are bridged as the gap policy says (the reader refused them when it says error).
     *
     * @throws BadInputException when the recording is shorter than one step of the grid
     */
    public FixedStepSeries onGrid(long phaseMs, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs + " ms");
        }
        long start = phaseMs + Math.floorDiv(epochMs[0] - phaseMs + stepMs - 1, stepMs) * stepMs;
        long end = phaseMs + Math.floorDiv(endMs - phaseMs, stepMs) * stepMs;
        if (end <= start) {
            throw new BadInputException(input.file() + ": the recording lasts "
                    + Quantities.formatDuration((endMs - epochMs[0]) / 1000.0) + ", less than one step of "
                    + Quantities.formatDuration(stepMs / 1000.0) + " on the grid");
        }
        long steps = (end - start) / stepMs;
        if (steps > Integer.MAX_VALUE - 8) {
            throw new BadInputException(input.file() + ": " + steps + " steps of "
                    + Quantities.formatDuration(stepMs / 1000.0) + " are too many for one series; use a longer step");
        }
        double[] out = new double[(int) steps];
        if (resample == Resample.HOLD) {
            hold(start, stepMs, out);
        } else {
            integrate(start, stepMs, out);
        }
        return new FixedStepSeries(start, stepMs, out);
    }

    private void hold(long start, long stepMs, double[] out) {
        int i = 0;
        for (int j = 0; j < out.length; j++) {
            long a = start + j * stepMs;
            while (i + 1 < epochMs.length && epochMs[i + 1] <= a) {
                i++;
            }
            out[j] = linearIn(i) ? at(i, a) : values[i];
        }
    }

    private void integrate(long start, long stepMs, double[] out) {
        int i = 0;
        while (i + 1 < epochMs.length && epochMs[i + 1] <= start) {
            i++;
        }
        for (int j = 0; j < out.length; j++) {
            long a = start + j * stepMs;
            long b = a + stepMs;
            double sum = 0;
            long pos = a;
            while (pos < b) {
                long segmentEnd = i + 1 < epochMs.length ? epochMs[i + 1] : endMs;
                if (segmentEnd <= pos) {
                    i++; // the grid lies inside the recording, so the last segment reaches b
                    continue;
                }
                long hi = Math.min(b, segmentEnd);
                sum += linearIn(i) ? (hi - pos) * 0.5 * (at(i, pos) + at(i, hi)) : (hi - pos) * values[i];
                pos = hi;
            }
            out[j] = sum / stepMs;
        }
    }

    /** Whether the signal runs straight from sample {@code i} to the next. */
    private boolean linearIn(int i) {
        if (i + 1 >= epochMs.length) {
            return false;
        }
        boolean gap = epochMs[i + 1] - epochMs[i] > gapLimitMs;
        return gap ? gaps == GapPolicy.LINEAR : resample == Resample.LINEAR;
    }

    /** The straight line from sample {@code i} to the next, at {@code t}. */
    private double at(int i, long t) {
        double f = (double) (t - epochMs[i]) / (epochMs[i + 1] - epochMs[i]);
        return values[i] + (values[i + 1] - values[i]) * f;
    }
}

package dev.chikuden.load.trace;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.units.Quantities;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A node's power at irregular sample instants (from a log such as nvidia-smi's), with the file
 * line each instant starts on, and its resampling to a fixed step.
 *
 * <p>The sample period is the median time between instants. A pause longer than
 * {@value #GAP_PERIODS} sample periods is a gap in the recording: resampling reports it (its time,
 * line and length, and how many there are), whatever the step, and never fills it in.
 */
public final class PowerInstants {
    /** A pause of more than this many sample periods is a gap. */
    public static final double GAP_PERIODS = 2.5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");

    private final String source;
    private final ZoneId zone;
    private final long[] epochMs;
    private final double[] powerKw;
    private final long[] lines;
    private final long samplePeriodMs;

    /**
     * @param source  the file, named in errors
     * @param zone    of the local times shown in errors
     * @param epochMs the instants, strictly increasing, at least two
     * @param powerKw the power at each instant
     * @param lines   the file line each instant starts on
     */
    public PowerInstants(String source, ZoneId zone, long[] epochMs, double[] powerKw, long[] lines) {
        if (epochMs.length < 2 || powerKw.length != epochMs.length || lines.length != epochMs.length) {
            throw new IllegalArgumentException("need at least two instants, each with a power and a line");
        }
        long[] periods = new long[epochMs.length - 1];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = epochMs[i + 1] - epochMs[i];
            if (periods[i] <= 0) {
                throw new IllegalArgumentException("instants must increase, at index " + (i + 1));
            }
        }
        Arrays.sort(periods);
        this.source = source;
        this.zone = zone;
        this.epochMs = epochMs.clone();
        this.powerKw = powerKw.clone();
        this.lines = lines.clone();
        this.samplePeriodMs = periods[periods.length / 2];
    }

    public int size() {
        return epochMs.length;
    }

    public long epochMsAt(int i) {
        return epochMs[i];
    }

    public double powerKwAt(int i) {
        return powerKw[i];
    }

    public long lineAt(int i) {
        return lines[i];
    }

    /** The median time between instants. */
    public long samplePeriodMs() {
        return samplePeriodMs;
    }

    /**
     * The power at a fixed step: the step intervals that lie wholly inside the recording (from the
     * first interval boundary, a whole multiple of {@code stepMs} since the epoch, at or after the
     * first instant, to the end of the last instant's sample period). Each value is the mean of the
     * instants in its interval; an interval without an instant (a step shorter than the sample
     * period, or jitter) holds the value of the last instant before it.
     *
     * @throws BadInputException at a gap in the recording, or when it is shorter than one step
     */
    public FixedStepSeries resample(long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs + " ms");
        }
        rejectGaps();
        long start = Math.floorDiv(epochMs[0] + stepMs - 1, stepMs) * stepMs;
        long end = Math.floorDiv(epochMs[epochMs.length - 1] + samplePeriodMs, stepMs) * stepMs;
        if (end <= start) {
            throw new BadInputException(source + ": the recording lasts " + seconds(end - epochMs[0])
                    + ", less than one step of " + seconds(stepMs) + " on the step grid");
        }
        double[] out = new double[(int) ((end - start) / stepMs)];
        int k = 0;
        while (epochMs[k] < start) {
            k++;
        }
        for (int j = 0; j < out.length; j++) {
            long intervalEnd = start + (j + 1) * stepMs;
            double sum = 0;
            int count = 0;
            while (k < epochMs.length && epochMs[k] < intervalEnd) {
                sum += powerKw[k++];
                count++;
            }
            out[j] = count > 0 ? sum / count : powerKw[k - 1];
        }
        return new FixedStepSeries(start, stepMs, out);
    }

    private void rejectGaps() {
        long limitMs = (long) Math.floor(GAP_PERIODS * samplePeriodMs);
        int first = -1;
        int count = 0;
        for (int i = 1; i < epochMs.length; i++) {
            if (epochMs[i] - epochMs[i - 1] > limitMs) {
                first = count++ == 0 ? i : first;
            }
        }
        if (count > 0) {
            throw new BadInputException(source + ":" + lines[first] + ": a gap of "
                    + seconds(epochMs[first] - epochMs[first - 1]) + " in the recording, from " + time(first - 1)
                    + " (line " + lines[first - 1] + ") to " + time(first) + "; more than " + GAP_PERIODS
                    + " sample periods of " + seconds(samplePeriodMs) + ". " + count + " gap(s) in all, the first "
                    + "shown; gaps are not filled in: cut the log before or after them, or record again");
        }
    }

    private String time(int i) {
        return TIME.format(Instant.ofEpochMilli(epochMs[i]).atZone(zone));
    }

    private static String seconds(long ms) {
        return Quantities.formatDuration(ms / 1000.0);
    }
}

package dev.chikuden.load;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.OffsetCache;
import dev.chikuden.time.TimeGrid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A load that follows a {@link ProductionSchedule} on the local clock: each step is the mean power
 * over the step, so a shift that starts inside a step counts for the part it covers. With a ramp, a
 * change of level is spread linearly over the ramp from the moment it is due (the level is the mean
 * of the schedule over the last {@code ramp}), which moves energy later but keeps it. Optional
 * seeded {@link StepNoise} on top; without it the load is a pure function of the calendar.
 */
public final class ScheduleLoad implements Profile {
    private static final long DAY_MS = 86_400_000L;
    private static final long MINUTE_MS = 60_000L;

    private final TimeGrid grid;
    private final ProductionSchedule schedule;
    private final long rampMs;
    private final StepNoise noise;
    private final OffsetCache offsets;
    /** The points of a ramped step's trapezoid, reused from step to step. */
    private long[] points = new long[16];

    private long lastDay = Long.MIN_VALUE;
    private DayLevels lastLevels;

    /** The levels of the local days used last, by epoch day. */
    private final Map<Long, DayLevels> days = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DayLevels> eldest) {
            return size() > 8;
        }
    };

    /** @param rampMs 0 for steps between levels */
    public ScheduleLoad(TimeGrid grid, ProductionSchedule schedule, long rampMs, double noiseFraction, long seed) {
        if (rampMs < 0) {
            throw new IllegalArgumentException("a negative ramp: " + rampMs + " ms");
        }
        this.grid = grid;
        this.schedule = schedule;
        this.rampMs = rampMs;
        this.noise = new StepNoise(noiseFraction, seed);
        this.offsets = new OffsetCache(grid.zone());
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        long step = grid.stepMs();
        for (int i = 0; i < count; i++) {
            long t = grid.epochMsAt(firstStep + i);
            long local = offsets.localMs(t);
            double mean = rampMs == 0 ? integral(local, local + step) / step : rampedMean(local, local + step);
            out[i] = mean * (1 + noise.at(firstStep + i));
        }
    }

    /**
     * The ramped level's mean over [a, b): the level at t is the schedule's mean over [t - ramp, t],
     * linear between the schedule's changes and those changes plus the ramp, so the trapezoid rule
     * over those points is exact.
     */
    private double rampedMean(long a, long b) {
        int n = 0;
        points = ensure(points, n + 1);
        points[n++] = a;
        for (long day = Math.floorDiv(a - rampMs, DAY_MS); day <= Math.floorDiv(b, DAY_MS); day++) {
            for (long change : levels(day).starts) {
                if (change > a && change < b) {
                    points = ensure(points, n + 1);
                    points[n++] = change;
                }
                if (change + rampMs > a && change + rampMs < b) {
                    points = ensure(points, n + 1);
                    points[n++] = change + rampMs;
                }
            }
        }
        points = ensure(points, n + 1);
        points[n++] = b;
        Arrays.sort(points, 0, n);
        double sum = 0;
        double before = ramped(a);
        for (int k = 1; k < n; k++) {
            double now = ramped(points[k]);
            sum += (before + now) / 2 * (points[k] - points[k - 1]);
            before = now;
        }
        return sum / (b - a);
    }

    private static long[] ensure(long[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
    }

    private double ramped(long t) {
        return integral(t - rampMs, t) / rampMs;
    }

    /** The schedule's energy over [a, b) of local time, kW x ms. */
    private double integral(long a, long b) {
        double sum = 0;
        for (long day = Math.floorDiv(a, DAY_MS); day <= Math.floorDiv(b - 1, DAY_MS); day++) {
            DayLevels l = levels(day);
            for (int k = 0; k < l.kw.length; k++) {
                long from = Math.max(a, l.starts[k]);
                long to = Math.min(b, l.starts[k + 1]);
                if (to > from) {
                    sum += l.kw[k] * (to - from);
                }
            }
        }
        return sum;
    }

    private DayLevels levels(long epochDay) {
        if (epochDay != lastDay) { // a step asks of one day several times: no boxed lookup for those
            lastLevels = days.computeIfAbsent(epochDay, this::dayLevels);
            lastDay = epochDay;
        }
        return lastLevels;
    }

    /**
     * The levels of one local day, in order: the shifts of the day before that run past midnight,
     * the day's own shifts, and the base between them, all at the month's factor.
     */
    private DayLevels dayLevels(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        List<Run> runs = new ArrayList<>();
        for (ProductionSchedule.Shift s : schedule.shiftsOn(date.minusDays(1))) {
            if (s.spillMinutes() > 0) {
                runs.add(new Run(0, s.spillMinutes(), s.kw()));
            }
        }
        for (ProductionSchedule.Shift s : schedule.shiftsOn(date)) {
            runs.add(new Run(s.fromMinute(), Math.min(s.toMinute(), ProductionSchedule.DAY_MINUTES), s.kw()));
        }
        runs.sort(Comparator.comparingInt(Run::from));
        double factor = schedule.monthFactor(date);
        long midnight = epochDay * DAY_MS;
        long[] starts = new long[2 * runs.size() + 2];
        double[] kw = new double[2 * runs.size() + 1];
        int n = 0;
        long at = 0;
        for (Run r : runs) {
            if (r.from() > at) { // the base before the shift
                starts[n] = midnight + at * MINUTE_MS;
                kw[n++] = schedule.baseKw() * factor;
            }
            starts[n] = midnight + r.from() * MINUTE_MS;
            kw[n++] = r.kw() * factor;
            at = r.to();
        }
        if (at < ProductionSchedule.DAY_MINUTES) {
            starts[n] = midnight + at * MINUTE_MS;
            kw[n++] = schedule.baseKw() * factor;
        }
        starts[n] = midnight + DAY_MS;
        return new DayLevels(Arrays.copyOf(starts, n + 1), Arrays.copyOf(kw, n));
    }

    /** A shift's part in one day, in minutes of the day. */
    private record Run(int from, int to, double kw) {}

    /** Level {@code k} holds from {@code starts[k]} to {@code starts[k + 1]} (local ms). */
    private record DayLevels(long[] starts, double[] kw) {}
}

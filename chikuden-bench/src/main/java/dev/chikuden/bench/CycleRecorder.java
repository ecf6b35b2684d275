package dev.chikuden.bench;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Keeps what every cycle of the runtime reported (its snapshot, heard on the cycle's thread after
 * the cycle's time was taken) in primitive arrays, so a benchmark can work out the figures of any
 * run of cycles and check that each of them really controlled the site.
 */
final class CycleRecorder implements Consumer<CycleSnapshot> {
    private double[] cycleMs = new double[1 << 14];
    private double[] lateMs = new double[cycleMs.length];
    private double[] setpointKw = new double[cycleMs.length];
    private double[] batteryKw = new double[cycleMs.length];
    private boolean[] controlled = new boolean[cycleMs.length];
    private long[] epochMs = new long[cycleMs.length];
    private final Map<String, long[]> bindings = new TreeMap<>();
    private int count;

    /**
     * What a run of cycles did.
     *
     * @param cycles         cycles in the run
     * @param p50Ms          median cycle time (start to last setpoint acknowledged)
     * @param p99Ms          99th percentile cycle time
     * @param maxMs          longest cycle
     * @param lateP99Ms      99th percentile of how late a cycle started
     * @param notControlled  cycles not RUNNING with every device fresh, no alarm and a setpoint the stack decided
     * @param trackingP99Kw  99th percentile of how far the units' measured power (summed) was from the
     *                       setpoint of the cycle before, or of the one before that (the twin applies
     *                       a setpoint at its next 100 ms tick, which may come after the next read)
     * @param setpointMinKw  smallest site setpoint the stack decided
     * @param setpointMaxKw  largest site setpoint the stack decided
     */
    record Figures(
            int cycles,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double lateP99Ms,
            int notControlled,
            double trackingP99Kw,
            double setpointMinKw,
            double setpointMaxKw) {
        @Override
        public String toString() {
            return String.format(
                    "%d cycles: p50 %.2f ms, p99 %.2f ms, max %.2f ms, late p99 %.2f ms; %d not controlled;"
                            + " setpoints %.0f .. %.0f kW, measured within %.1f kW of them (p99)",
                    cycles, p50Ms, p99Ms, maxMs, lateP99Ms, notControlled, setpointMinKw, setpointMaxKw, trackingP99Kw);
        }
    }

    @Override
    public synchronized void accept(CycleSnapshot s) {
        if (count == cycleMs.length) {
            int n = 2 * count;
            cycleMs = Arrays.copyOf(cycleMs, n);
            lateMs = Arrays.copyOf(lateMs, n);
            setpointKw = Arrays.copyOf(setpointKw, n);
            batteryKw = Arrays.copyOf(batteryKw, n);
            controlled = Arrays.copyOf(controlled, n);
            epochMs = Arrays.copyOf(epochMs, n);
        }
        cycleMs[count] = s.cycleMs();
        lateMs[count] = s.lateMs();
        setpointKw[count] = s.setpointKw();
        batteryKw[count] = s.batteryKw();
        epochMs[count] = s.epochMs();
        controlled[count] = s.state() == EmsState.RUNNING
                && s.staleDevices() == 0
                && s.activeAlarms() == 0
                && !Double.isNaN(s.setpointKw())
                && !"safe".equals(s.binding())
                && !"hold".equals(s.binding());
        bindings.computeIfAbsent(s.binding(), b -> new long[1])[0]++;
        count++;
        notifyAll();
    }

    synchronized int count() {
        return count;
    }

    /** Waits until {@code n} cycles have been heard, or throws when none comes for {@code stallMs}. */
    synchronized void awaitCount(int n, long stallMs) throws InterruptedException {
        while (count < n) {
            int before = count;
            wait(stallMs);
            if (count == before) {
                throw new IllegalStateException("no cycle for " + stallMs + " ms after cycle " + count);
            }
        }
    }

    /** How often each controller layer decided the setpoint, since the start. */
    synchronized Map<String, Long> bindings() {
        Map<String, Long> out = new TreeMap<>();
        bindings.forEach((b, n) -> out.put(b, n[0]));
        return out;
    }

    /** The {@code n} longest of cycles {@code from} to {@code to}, longest first: when they started and how long they took. */
    synchronized String longest(int from, int to, int n) {
        Integer[] order = new Integer[to - from];
        for (int k = from; k < to; k++) {
            order[k - from] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cycleMs[b], cycleMs[a]));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, order.length); i++) {
            int k = order[i];
            sb.append(i == 0 ? "" : ", ")
                    .append(String.format("%.1f ms at %s", cycleMs[k], Instant.ofEpochMilli(epochMs[k])));
        }
        return sb.toString();
    }

    /** The figures of cycles {@code from} (inclusive) to {@code to} (exclusive), counted from the first heard. */
    synchronized Figures figures(int from, int to) {
        double[] d = Arrays.copyOfRange(cycleMs, from, to);
        double[] l = Arrays.copyOfRange(lateMs, from, to);
        Arrays.sort(d);
        Arrays.sort(l);
        int notControlled = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            if (controlled[k]) {
                min = Math.min(min, setpointKw[k]);
                max = Math.max(max, setpointKw[k]);
            } else {
                notControlled++;
            }
        }
        double[] miss = new double[Math.max(0, to - Math.max(from, 2))];
        for (int k = Math.max(from, 2), i = 0; k < to; k++, i++) {
            miss[i] = Math.min(Math.abs(batteryKw[k] - setpointKw[k - 1]), Math.abs(batteryKw[k] - setpointKw[k - 2]));
        }
        Arrays.sort(miss);
        return new Figures(
                to - from,
                percentile(d, 50),
                percentile(d, 99),
                percentile(d, 100),
                percentile(l, 99),
                notControlled,
                percentile(miss, 99),
                min,
                max);
    }

    /** Nearest rank, as the runtime's own timing: the value at rank ceil(p/100 * n) of the sorted values. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }
}

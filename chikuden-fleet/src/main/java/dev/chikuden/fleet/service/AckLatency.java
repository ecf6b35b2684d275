package dev.chikuden.fleet.service;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a dispatch takes: from the cycle sending its setpoints to the last of the asked sites
 * acknowledging one. Kept for the last {@link #KEPT} complete dispatches; a dispatch some site never
 * acknowledges is dropped after {@link #PENDING} newer ones (the site went stale meanwhile). Guarded
 * by the service's lock.
 */
public final class AckLatency {
    static final int KEPT = 3600;
    static final int PENDING = 10;

    /** The latencies kept, ms: their count and quantiles (NaN before the first). */
    public record Summary(int dispatches, double p50Ms, double p99Ms, double maxMs) {}

    private static final class Dispatch {
        final long sentNanos;
        final int asked;
        int acked;

        Dispatch(long sentNanos, int asked) {
            this.sentNanos = sentNanos;
            this.asked = asked;
        }
    }

    private final Map<Long, Dispatch> pending = new LinkedHashMap<>();
    private final long[] nanos = new long[KEPT];
    private int count;

    void sent(long cycle, int asked, long nowNanos) {
        if (asked == 0) {
            return;
        }
        pending.put(cycle, new Dispatch(nowNanos, asked));
        if (pending.size() > PENDING) {
            Iterator<Long> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    void acked(long cycle, long nowNanos) {
        Dispatch d = pending.get(cycle);
        if (d != null && ++d.acked == d.asked) {
            nanos[count % KEPT] = nowNanos - d.sentNanos;
            count++;
            pending.remove(cycle);
        }
    }

    Summary summary() {
        int n = Math.min(count, KEPT);
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new Summary(count, at(sorted, 0.50), at(sorted, 0.99), sorted[n - 1] / 1e6);
    }

    /** The nearest-rank quantile, ms. */
    private static double at(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}

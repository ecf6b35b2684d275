package dev.chikuden.gridcode;

import java.util.Arrays;

/**
 * Load-drop events: at each step the drop is the highest power of the last {@code q} steps and
 * this one ({@code q = round(within / step)}, at least 1) minus the present power. An event begins
 * when the drop first exceeds the threshold and lasts while it stays above; each event counts once,
 * with the largest drop seen during it. The window maximum is a monotonic deque over primitive
 * rings of {@code q + 1} slots: O(1) amortised per sample, nothing allocated.
 */
final class LoadDropDetector {
    /** How many event start times are kept. */
    static final int KEPT_EVENTS = 10;

    private final double thresholdKw;
    private final int q;
    private final double[] dequeKw;
    private final long[] dequeStep;
    private int head;
    private int size;
    private boolean inEvent;
    private long events;
    private double largestDropKw;
    private final long[] firstEventSteps = new long[KEPT_EVENTS];

    LoadDropDetector(double stepS, double withinS, double thresholdKw) {
        this.thresholdKw = thresholdKw;
        this.q = (int) Math.max(1, Math.round(withinS / stepS));
        this.dequeKw = new double[q + 1];
        this.dequeStep = new long[q + 1];
    }

    /** Adds {@code count} samples from {@code kw[from]}, the first of them step {@code firstStep}. */
    void add(long firstStep, double[] kw, int from, int count) {
        if (q == 1) {
            addAdjacent(firstStep, kw, from, count);
            return;
        }
        double[] dKw = dequeKw;
        long[] dStep = dequeStep;
        int cap = dKw.length;
        int h = head;
        int n = size;
        double largest = largestDropKw;
        long step = firstStep;
        for (int i = from; i < from + count; i++, step++) {
            double v = kw[i];
            while (n > 0 && dStep[h] < step - q) { // left the window
                h = h + 1 == cap ? 0 : h + 1;
                n--;
            }
            while (n > 0) { // values no higher than this one can never be the maximum again
                int last = h + n - 1;
                if (dKw[last >= cap ? last - cap : last] > v) {
                    break;
                }
                n--;
            }
            int tail = h + n;
            tail = tail >= cap ? tail - cap : tail;
            dKw[tail] = v;
            dStep[tail] = step;
            n++;
            double drop = dKw[h] - v;
            if (drop > largest) {
                largest = drop;
            }
            event(drop > thresholdKw, step);
        }
        head = h;
        size = n;
        largestDropKw = largest;
    }

    /** An event starts at the first step of a run of drops above the threshold. */
    private void event(boolean over, long step) {
        if (over && !inEvent) {
            if (events < KEPT_EVENTS) {
                firstEventSteps[(int) events] = step;
            }
            events++;
        }
        inEvent = over;
    }

    /**
     * The window of one step: after the deque drops what left the window, it holds the step before
     * alone, which stays ahead of this step's value only when higher. The same maximum without the
     * deque's branches, which a noisy series mispredicts half the time.
     */
    private void addAdjacent(long firstStep, double[] kw, int from, int count) {
        boolean any = size > 0;
        double before = any ? dequeKw[(head + size - 1) % dequeKw.length] : Double.NaN;
        double largest = largestDropKw;
        long step = firstStep;
        for (int i = from; i < from + count; i++, step++) {
            double v = kw[i];
            double top = any && before > v ? before : v;
            double drop = top - v;
            if (drop > largest) {
                largest = drop;
            }
            event(drop > thresholdKw, step);
            before = v;
            any = true;
        }
        largestDropKw = largest;
        if (count > 0) { // the deque as it would be: this run's last step alone
            head = 0;
            size = 1;
            dequeKw[0] = before;
            dequeStep[0] = step - 1;
        }
    }

    /** The window in steps. */
    int windowSteps() {
        return q;
    }

    long events() {
        return events;
    }

    /** Largest fall within the window anywhere in the run, kW (0 when power never fell). */
    double largestDropKw() {
        return largestDropKw;
    }

    /** The steps where the first {@link #KEPT_EVENTS} events began. */
    long[] firstEventSteps() {
        return Arrays.copyOf(firstEventSteps, (int) Math.min(events, KEPT_EVENTS));
    }
}

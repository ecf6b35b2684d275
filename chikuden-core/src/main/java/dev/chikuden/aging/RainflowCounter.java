package dev.chikuden.aging;

import java.util.Arrays;

/**
 * Streaming rainflow counting (ASTM E1049-85, section 5.4.4) of any series: SOC, power, ...
 * Fed one sample at a time, it finds the reversals itself: monotone runs and repeated values
 * collapse, and the latest extreme stays pending until the series turns. Each reversal goes on a
 * stack of the points not yet counted; the steps of the standard then close cycles as soon as
 * they can, so a lifetime model running inside a simulation sees every closed cycle when it
 * closes. The open ranges left on the stack (the residue) are counted as half cycles only by
 * {@link #finish()}, at the very end of the series.
 *
 * <p>Nothing is allocated per sample: the stack is a primitive array that grows only when the
 * residue outgrows it (it stays short for any series that does not keep widening).
 */
public final class RainflowCounter {
    /** Receives each counted cycle: its range, the midpoint of its two points, and 0.5 or 1.0. */
    @FunctionalInterface
    public interface CycleListener {
        void cycle(double range, double mean, double count);
    }

    private final CycleListener listener;
    /** Reversals not yet counted; {@code stack[0]} is the starting point S of the standard. */
    private double[] stack = new double[64];

    private int size;
    /** The latest extreme, not yet known to be a reversal; meaningful when direction != 0. */
    private double pending;
    /** +1 rising, -1 falling towards {@code pending}; 0 until the series first moves. */
    private int direction;

    private long reversals;
    private double closedCycles;
    private double residueCycles;
    private boolean finished;

    public RainflowCounter(CycleListener listener) {
        this.listener = listener;
    }

    /** The next sample; non-finite values are rejected because they would corrupt every range. */
    public void add(double value) {
        if (finished) {
            throw new IllegalStateException("the counter is finished");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample " + value + " is not a finite number");
        }
        if (direction > 0) {
            if (value >= pending) {
                pending = value;
                return;
            }
            reversal(pending);
            direction = -1;
        } else if (direction < 0) {
            if (value <= pending) {
                pending = value;
                return;
            }
            reversal(pending);
            direction = 1;
        } else if (size == 0) {
            reversal(value); // the first sample is always the starting point
            return;
        } else if (value != stack[size - 1]) {
            direction = value > stack[size - 1] ? 1 : -1;
        }
        pending = value;
    }

    /**
     * Ends the series: the pending extreme becomes the last reversal, then every range left on
     * the stack (the residue) is counted as one-half cycle (step 6). Call it once.
     */
    public void finish() {
        if (finished) {
            throw new IllegalStateException("the counter is finished");
        }
        if (direction != 0) {
            reversal(pending);
        }
        for (int i = 1; i < size; i++) {
            count(stack[i - 1], stack[i], 0.5);
            residueCycles += 0.5;
        }
        size = 0;
        finished = true;
    }

    /**
     * The pending extreme becomes a reversal now, as at the end of a duty, but the residue stays
     * open and uncounted (a lifetime model's view: NREL SAM counts the cycle the last value closes).
     */
    public void closePending() {
        if (direction != 0) {
            reversal(pending);
            direction = 0;
        }
    }

    /** Cycles closed by steps 4 and 5 so far; never the residue, even after {@link #finish()}. */
    public double closedCycles() {
        return closedCycles;
    }

    /** All cycles counted so far: the closed ones, plus the residue once finished. */
    public double totalCycles() {
        return closedCycles + residueCycles;
    }

    /** Reversals found so far, the starting point included; the pending extreme once finished. */
    public long reversals() {
        return reversals;
    }

    /** Steps 2 to 5 of the standard for the new reversal {@code point}. */
    private void reversal(double point) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, size * 2);
        }
        stack[size++] = point;
        reversals++;
        while (size >= 3) {
            double x = Math.abs(stack[size - 1] - stack[size - 2]);
            double y = Math.abs(stack[size - 2] - stack[size - 3]);
            if (x < y) {
                return;
            }
            if (size == 3) { // Y contains S: half a cycle, S moves to Y's second point
                count(stack[0], stack[1], 0.5);
                closedCycles += 0.5;
                stack[0] = stack[1];
                stack[1] = stack[2];
                size = 2;
            } else { // a full cycle: discard Y's peak and valley
                count(stack[size - 3], stack[size - 2], 1.0);
                closedCycles += 1.0;
                stack[size - 3] = stack[size - 1];
                size -= 2;
            }
        }
    }

    private void count(double a, double b, double count) {
        listener.cycle(Math.abs(a - b), (a + b) * 0.5, count);
    }
}

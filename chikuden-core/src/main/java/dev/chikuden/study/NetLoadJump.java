package dev.chikuden.study;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.TimeGrid;

/**
 * Finds the step ending the largest change of grid power over 1 s: {@code |grid(t) - grid(t - 1 s)|}
 * on steps below a second, the change from the step before on steps of a second or more. Attached to
 * the case without battery, whose grid power is the net load (load - PV).
 */
final class NetLoadJump implements StepSink {
    private final double[] ring;
    private long step;
    private long largestStep;
    private double largestKw = -1;

    NetLoadJump(TimeGrid grid) {
        this.ring = new double[(int) Math.max(1, Math.round(1000.0 / grid.stepMs()))];
    }

    @Override
    public void accept(StepChunk chunk) {
        double[] kw = chunk.gridKw;
        double[] r = ring;
        int k = r.length;
        int slot = (int) (step % k); // once a chunk: a 64-bit remainder a step cost more than the rest
        long s = step;
        double largest = largestKw;
        long at = largestStep;
        for (int i = 0; i < chunk.count(); i++, s++) {
            if (s >= k) {
                double change = Math.abs(kw[i] - r[slot]);
                if (change > largest) {
                    largest = change;
                    at = s;
                }
            }
            r[slot] = kw[i];
            slot = slot + 1 == k ? 0 : slot + 1;
        }
        step = s;
        largestKw = largest;
        largestStep = at;
    }

    /** The step the largest change ends in; 0 for a study shorter than the window. */
    long step() {
        return largestStep;
    }

    /** The largest change, kW; 0 for a study shorter than the window. */
    double changeKw() {
        return Math.max(0, largestKw);
    }
}

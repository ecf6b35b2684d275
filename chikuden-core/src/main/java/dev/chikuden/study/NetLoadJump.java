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
        for (int i = 0; i < chunk.count(); i++, step++) {
            int slot = (int) (step % ring.length);
            if (step >= ring.length) {
                double change = Math.abs(kw[i] - ring[slot]);
                if (change > largestKw) {
                    largestKw = change;
                    largestStep = step;
                }
            }
            ring[slot] = kw[i];
        }
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

package dev.chikuden.study;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;

/** The load, PV and SOC of every step of a case, kept for analyses after the run (outage cover). */
final class StepSeries implements StepSink {
    final double[] loadKw;
    final double[] pvKw;
    final double[] soc;
    private int next;

    StepSeries(int steps) {
        loadKw = new double[steps];
        pvKw = new double[steps];
        soc = new double[steps];
    }

    @Override
    public void accept(StepChunk c) {
        int n = Math.min(c.count(), loadKw.length - next);
        System.arraycopy(c.loadKw, 0, loadKw, next, n);
        System.arraycopy(c.pvKw, 0, pvKw, next, n);
        System.arraycopy(c.soc, 0, soc, next, n);
        next += n;
    }
}

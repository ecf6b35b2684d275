package dev.chikuden.sim;

import java.util.Arrays;

/** Keeps every step of a (small) run, for tests. */
final class RecordingSink implements StepSink {
    double[] load = new double[0];
    double[] pv = new double[0];
    double[] battery = new double[0];
    double[] grid = new double[0];
    double[] soc = new double[0];
    int n;

    @Override
    public void accept(StepChunk c) {
        int need = n + c.count();
        load = Arrays.copyOf(load, need);
        pv = Arrays.copyOf(pv, need);
        battery = Arrays.copyOf(battery, need);
        grid = Arrays.copyOf(grid, need);
        soc = Arrays.copyOf(soc, need);
        System.arraycopy(c.loadKw, 0, load, n, c.count());
        System.arraycopy(c.pvKw, 0, pv, n, c.count());
        System.arraycopy(c.batteryKw, 0, battery, n, c.count());
        System.arraycopy(c.gridKw, 0, grid, n, c.count());
        System.arraycopy(c.soc, 0, soc, n, c.count());
        n = need;
    }
}

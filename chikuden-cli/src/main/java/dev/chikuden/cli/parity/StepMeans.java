package dev.chikuden.cli.parity;

import dev.chikuden.ems.twin.DeviceSimulator;

/**
 * Records the twin meter's every tick as means over the study's step windows: a study measures its
 * grid-code metrics on step means, so live is measured on the same. Runs on the twin's thread;
 * allocates nothing per tick but at the window's two edges, where it reads the batteries' SOC.
 */
final class StepMeans implements DeviceSimulator.TickListener {
    private final ParityWindow window;
    private final long tickMs;
    private final double[] grid;
    private final double[] load;
    private final double[] battery;
    private final int[] ticks;
    private volatile DeviceSimulator twin;
    private double socStart = Double.NaN;
    private double socEnd = Double.NaN;

    StepMeans(ParityWindow window, long tickMs) {
        this.window = window;
        this.tickMs = tickMs;
        int n = Math.toIntExact(window.steps());
        grid = new double[n];
        load = new double[n];
        battery = new double[n];
        ticks = new int[n];
    }

    /** The twin to read the SOC from at the window's edges. */
    void attach(DeviceSimulator sim) {
        this.twin = sim;
    }

    @Override
    public void tick(long simulatedMs, double gridKw, double loadKw, double batteryKw) {
        long fromWindowStart = simulatedMs - tickMs - window.leadInMs();
        if (fromWindowStart == 0) {
            socStart = soc();
        }
        if (fromWindowStart + tickMs == window.durationMs()) {
            socEnd = soc();
        }
        if (fromWindowStart < 0 || fromWindowStart >= window.durationMs()) {
            return;
        }
        int i = (int) (fromWindowStart / window.stepMs());
        grid[i] += gridKw;
        load[i] += loadKw;
        battery[i] += batteryKw;
        ticks[i]++;
    }

    /** SOC before the tick being told (the tick's own change is a tick's worth: negligible). */
    private double soc() {
        DeviceSimulator t = twin;
        if (t == null) {
            return Double.NaN;
        }
        double stored = 0;
        double capacity = 0;
        for (DeviceSimulator.BatteryState b : t.snapshot().batteries()) {
            stored += b.storedEnergyKwh();
            capacity += b.soc() > 0 ? b.storedEnergyKwh() / b.soc() : 0;
        }
        return capacity > 0 ? stored / capacity : Double.NaN;
    }

    boolean complete() {
        return !Double.isNaN(socEnd);
    }

    /** The step means; every step must have had its ticks. */
    ParityTrace trace() {
        double[] g = grid.clone();
        double[] l = load.clone();
        double[] b = battery.clone();
        for (int i = 0; i < ticks.length; i++) {
            if (ticks[i] == 0) {
                throw new IllegalStateException("the twin told no tick in study step " + i + " of the window");
            }
            g[i] /= ticks[i];
            l[i] /= ticks[i];
            b[i] /= ticks[i];
        }
        return new ParityTrace(g, l, b, socStart, socEnd);
    }
}

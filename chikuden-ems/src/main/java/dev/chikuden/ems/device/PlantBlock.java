package dev.chikuden.ems.device;

import java.util.Arrays;

/**
 * What the EMS writes a plant controller in one cycle: per stack layer the held lowest and highest
 * battery power and preference (NaN: none, as for a fast layer or a layer beyond the stack) and
 * which of them move with the net load; the net load the supervision saw; enable and heartbeat. A
 * new block each cycle: the write encodes it later, on the connection's thread.
 */
public final class PlantBlock {
    private final double[] atLeastKw;
    private final double[] atMostKw;
    private final double[] preferKw;
    private final int[] onNetMask;
    private final boolean enabled;
    private final int heartbeat;
    private final double supervisedNetKw;

    /** Enabled with {@code heartbeat}, every layer asking nothing until {@link #hold} says otherwise. */
    public PlantBlock(int layers, int heartbeat, double supervisedNetKw) {
        this.atLeastKw = nan(layers);
        this.atMostKw = nan(layers);
        this.preferKw = nan(layers);
        this.onNetMask = new int[layers];
        this.enabled = true;
        this.heartbeat = heartbeat;
        this.supervisedNetKw = supervisedNetKw;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Layer {@code i}'s held request; infinite bounds are written as NaN (none). */
    public PlantBlock hold(int i, double atLeast, double atMost, double prefer, int onNet) {
        atLeastKw[i] = Double.isInfinite(atLeast) ? Double.NaN : atLeast;
        atMostKw[i] = Double.isInfinite(atMost) ? Double.NaN : atMost;
        preferKw[i] = prefer;
        onNetMask[i] = onNet;
        return this;
    }

    public int layers() {
        return atLeastKw.length;
    }

    public double atLeastKw(int i) {
        return atLeastKw[i];
    }

    public double atMostKw(int i) {
        return atMostKw[i];
    }

    public double preferKw(int i) {
        return preferKw[i];
    }

    public int onNetMask(int i) {
        return onNetMask[i];
    }

    public boolean enabled() {
        return enabled;
    }

    public int heartbeat() {
        return heartbeat;
    }

    public double supervisedNetKw() {
        return supervisedNetKw;
    }
}

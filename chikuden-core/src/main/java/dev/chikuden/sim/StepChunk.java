package dev.chikuden.sim;

/**
 * A run of consecutive simulated steps, handed to {@link StepSink}s. The arrays are reused for the
 * next chunk: a sink that needs values later must copy them. Only {@code [0, count)} is valid.
 */
public final class StepChunk {
    public final double[] loadKw;
    public final double[] pvKw;
    public final double[] batteryKw;
    public final double[] gridKw;
    /** SOC at the end of each step (NaN without a battery). */
    public final double[] soc;

    long firstStep;
    int count;

    StepChunk(int capacity) {
        loadKw = new double[capacity];
        pvKw = new double[capacity];
        batteryKw = new double[capacity];
        gridKw = new double[capacity];
        soc = new double[capacity];
    }

    public long firstStep() {
        return firstStep;
    }

    public int count() {
        return count;
    }
}

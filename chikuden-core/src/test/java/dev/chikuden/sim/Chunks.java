package dev.chikuden.sim;

/** Step chunks built from arrays, for the sinks' tests in other packages. */
public final class Chunks {
    private Chunks() {}

    /** Steps {@code first...} with these values; the grid is load - PV - battery. */
    public static StepChunk of(long first, double[] loadKw, double[] pvKw, double[] batteryKw, double[] soc) {
        StepChunk c = new StepChunk(loadKw.length);
        for (int i = 0; i < loadKw.length; i++) {
            c.loadKw[i] = loadKw[i];
            c.pvKw[i] = pvKw[i];
            c.batteryKw[i] = batteryKw[i];
            c.gridKw[i] = loadKw[i] - pvKw[i] - batteryKw[i];
            c.soc[i] = soc[i];
        }
        c.firstStep = first;
        c.count = loadKw.length;
        return c;
    }
}

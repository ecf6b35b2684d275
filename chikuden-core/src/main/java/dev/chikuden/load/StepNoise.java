package dev.chikuden.load;

/**
 * Multiplicative noise on a load, one value per study step: a first-order autoregressive process
 * (correlation 0.9 from step to step) so it looks like metered power rather than static. Its
 * innovations are a hash of (seed, step): the same seed gives the same series, and the engine's
 * sequential chunks give the same values whatever their size. Cheap when read in order.
 */
final class StepNoise {
    private final double fraction;
    private final long seed;

    private long lastStep = -1;
    private double state;

    /** @param fraction the standard deviation as a fraction of the load; 0 for none */
    StepNoise(double fraction, long seed) {
        this.fraction = fraction;
        this.seed = seed;
    }

    /** The relative deviation at {@code step}: the load is multiplied by {@code 1 + at(step)}. */
    double at(long step) {
        if (fraction == 0) {
            return 0;
        }
        if (step != lastStep + 1) {
            state = 0; // out-of-order access: warm the process up again from 64 steps back
            for (long s = Math.max(0, step - 64); s < step; s++) {
                state = 0.9 * state + 0.4359 * gaussianish(s);
            }
        }
        state = 0.9 * state + 0.4359 * gaussianish(step);
        lastStep = step;
        return fraction * state;
    }

    /** A hash of (seed, step) to an approximately normal number (sum of uniforms), unit variance. */
    private double gaussianish(long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        // four 16-bit uniforms: mean 2, variance 4/12
        double sum = (z & 0xFFFF) + ((z >>> 16) & 0xFFFF) + ((z >>> 32) & 0xFFFF) + ((z >>> 48) & 0xFFFF);
        return (sum / 65536.0 - 2.0) * Math.sqrt(3.0);
    }
}

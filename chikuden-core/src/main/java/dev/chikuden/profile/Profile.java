package dev.chikuden.profile;

/**
 * A series (power in kW, temperature in °C, ...) produced on demand, chunk by chunk, so a study of any length never holds the
 * whole series in memory. Implementations are bound to a {@link dev.chikuden.time.TimeGrid} and
 * must be deterministic: the same steps give the same values whatever the chunking.
 */
public interface Profile {
    /** Writes the values of steps {@code firstStep .. firstStep + count - 1} into {@code out[0..count)}. */
    void fill(long firstStep, double[] out, int count);

    /** A profile of zeros. */
    Profile ZERO = (firstStep, out, count) -> java.util.Arrays.fill(out, 0, count, 0.0);
}

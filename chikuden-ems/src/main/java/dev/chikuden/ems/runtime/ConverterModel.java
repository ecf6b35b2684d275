package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlChain;

/**
 * The site battery power the fast loop's own commands produce, as the control chain describes the
 * converter (the model the study simulates, {@code ChainedControl}): a command reaches the
 * converter {@code commandDelay} after it was acknowledged, and the converter moves toward it as a
 * first-order lag of time constant {@code converterTimeConstant}, never faster than
 * {@code converterRamp}. The fast loop reads only the grid meter, so it estimates the load as the
 * metered grid power plus this battery power; the supervisory cycle's battery readings reset it
 * whenever the fast loop did not command (start, safe state). Monotonic nanoseconds throughout;
 * commands in flight in a fixed ring, nothing allocated per cycle.
 */
final class ConverterModel {
    private final long commandDelayNanos;
    private final double tauS;
    private final double rampKwPerS;
    private final long[] arriveNanos;
    private final double[] commandKw;
    private int head;
    private int count;
    private long nowNanos;
    private double powerKw;
    private double targetKw;

    /** @param periodNanos the fast loop's period: how many commands can be in flight at once */
    ConverterModel(ControlChain chain, long periodNanos) {
        this.commandDelayNanos = chain.commandDelayMs() * 1_000_000L;
        this.tauS = chain.converterTimeConstantS();
        this.rampKwPerS = chain.converterRampKwPerS();
        int capacity = (int) Math.min(4096, commandDelayNanos / Math.max(1, periodNanos) + 4);
        this.arriveNanos = new long[capacity];
        this.commandKw = new double[capacity];
    }

    /** The converter delivers {@code kw} at {@code atNanos}, steadily; nothing in flight. */
    void reset(long atNanos, double kw) {
        head = 0;
        count = 0;
        nowNanos = atNanos;
        powerKw = kw;
        targetKw = kw;
    }

    /** A command acknowledged at {@code atNanos}: the converter receives it a command delay later. */
    void command(long atNanos, double kw) {
        if (count == arriveNanos.length) {
            advance(arriveNanos[head]); // full (a period far below the delay): the oldest is taken as arrived
        }
        int tail = (head + count) % arriveNanos.length;
        arriveNanos[tail] = atNanos + commandDelayNanos;
        commandKw[tail] = kw;
        count++;
    }

    /** The battery power at {@code atNanos} (not before the last time asked: the model only goes forward). */
    double powerAt(long atNanos) {
        advance(atNanos);
        return powerKw;
    }

    private void advance(long toNanos) {
        while (count > 0 && arriveNanos[head] <= toNanos) {
            follow(arriveNanos[head]);
            targetKw = commandKw[head];
            head = (head + 1) % arriveNanos.length;
            count--;
        }
        follow(toNanos);
    }

    /** Moves toward the target until {@code toNanos}. */
    private void follow(long toNanos) {
        if (toNanos <= nowNanos) {
            return;
        }
        double dtS = (toNanos - nowNanos) / 1e9;
        nowNanos = toNanos;
        double gap = targetKw - powerKw;
        double move = tauS > 0 ? gap * -Math.expm1(-dtS / tauS) : gap;
        double reach = rampKwPerS * dtS;
        powerKw += Math.max(-reach, Math.min(reach, move));
    }
}

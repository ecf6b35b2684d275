package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlChain;
import dev.chikuden.sim.Converter;

/**
 * The site battery power the fast loop's own commands produce, as the control chain describes the
 * converter (the model the study simulates, {@code ChainedControl}): a command reaches the
 * converter {@code commandDelay} after it was acknowledged, and the converter moves toward it as a
 * first-order lag of time constant {@code converterTimeConstant}, never faster than
 * {@code converterRamp}: the study's own {@link Converter}. The fast loop reads only the grid meter, so it estimates the load as the
 * metered grid power plus this battery power; the supervisory cycle's battery readings reset it
 * whenever the fast loop did not command (start, safe state). Monotonic nanoseconds throughout;
 * commands in flight in a fixed ring, nothing allocated per cycle.
 */
final class ConverterModel {
    private final long commandDelayNanos;
    private final long[] arriveNanos;
    private final double[] commandKw;
    private int head;
    private int count;
    private long nowNanos;
    private final Converter converter;
    private double targetKw;

    /** @param periodNanos the fast loop's period: how many commands can be in flight at once */
    ConverterModel(ControlChain chain, long periodNanos) {
        this.commandDelayNanos = chain.commandDelayMs() * 1_000_000L;
        this.converter = new Converter(
                chain.converterTimeConstantS(), chain.converterRampKwPerS(), Math.max(1, periodNanos) / 1e9);
        int capacity = (int) Math.min(4096, commandDelayNanos / Math.max(1, periodNanos) + 4);
        this.arriveNanos = new long[capacity];
        this.commandKw = new double[capacity];
    }

    /** The converter delivers {@code kw} at {@code atNanos}, steadily; nothing in flight. */
    void reset(long atNanos, double kw) {
        head = 0;
        count = 0;
        nowNanos = atNanos;
        converter.reset(kw);
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
        return converter.powerKw();
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

    /** Moves toward the target until {@code toNanos}, as the study's converter does. */
    private void follow(long toNanos) {
        if (toNanos <= nowNanos) {
            return;
        }
        double dtS = (toNanos - nowNanos) / 1e9;
        nowNanos = toNanos;
        converter.converge(targetKw, dtS);
    }
}

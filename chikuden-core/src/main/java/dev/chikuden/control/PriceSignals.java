package dev.chikuden.control;

import java.util.List;

/**
 * Energy prices given to a site from outside its site file for a while, such as an OpenADR
 * {@code PRICE} event that its fleet passes on: an optimising layer plans with them over their
 * intervals instead of its tariff's import price. The whole set is replaced at once; a reader on the
 * control thread sees one set or the next, never a mix. Thread-safe.
 */
public final class PriceSignals {
    /** A price of imported energy over {@code [fromEpochMs, toEpochMs)}, yen/kWh. */
    public record Interval(long fromEpochMs, long toEpochMs, double yenPerKwh) {
        public Interval {
            if (toEpochMs <= fromEpochMs) {
                throw new IllegalArgumentException(
                        "a price interval must end after it starts: " + fromEpochMs + " .. " + toEpochMs);
            }
            if (!Double.isFinite(yenPerKwh)) {
                throw new IllegalArgumentException("a price must be finite, was " + yenPerKwh);
            }
        }
    }

    private record Held(List<Interval> intervals, long version) {}

    private volatile Held held = new Held(List.of(), 0);

    /** Replaces the signals; a set equal to the one held changes nothing (no replan). */
    public synchronized void set(List<Interval> intervals) {
        List<Interval> copy = List.copyOf(intervals);
        if (!copy.equals(held.intervals())) {
            held = new Held(copy, held.version() + 1);
        }
    }

    /** Counts the changes: a layer that planned at one version replans when it moves. */
    public long version() {
        return held.version();
    }

    public List<Interval> intervals() {
        return held.intervals();
    }

    /** The price signalled for {@code epochMs}, NaN where none is (the last interval given wins). */
    public double yenPerKwhAt(long epochMs) {
        List<Interval> list = held.intervals();
        double p = Double.NaN;
        for (Interval i : list) {
            if (epochMs >= i.fromEpochMs() && epochMs < i.toEpochMs()) {
                p = i.yenPerKwh();
            }
        }
        return p;
    }

    /** A layer that plans with prices, and takes signalled ones. */
    public interface Taker {
        PriceSignals priceSignals();
    }
}

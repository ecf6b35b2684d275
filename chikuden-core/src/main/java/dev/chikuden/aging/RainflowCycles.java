package dev.chikuden.aging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects counted cycles, summing the counts of equal (range, mean) pairs. */
public final class RainflowCycles implements RainflowCounter.CycleListener {
    /** One (range, mean) pair and how many cycles it was counted: a multiple of 0.5. */
    public record Cycle(double range, double mean, double count) {}

    private record Key(double range, double mean) {}

    private static final Comparator<Key> ORDER =
            Comparator.comparingDouble(Key::range).thenComparingDouble(Key::mean);

    private final Map<Key, Double> counts = new TreeMap<>(ORDER);
    private double total;

    @Override
    public void cycle(double range, double mean, double count) {
        // + 0.0 turns -0.0 into 0.0, which the order would otherwise keep apart
        counts.merge(new Key(range, mean + 0.0), count, Double::sum);
        total += count;
    }

    /** The cycles sorted by range, then mean. */
    public List<Cycle> cycles() {
        List<Cycle> list = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> list.add(new Cycle(k.range(), k.mean(), c)));
        return list;
    }

    public double totalCycles() {
        return total;
    }
}

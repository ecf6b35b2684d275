package dev.chikuden.ems.modbus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The fewest read requests that fetch a set of points: points are taken in address order and a
 * request grows to cover the next point while it stays within {@link #MAX_REGISTERS} and within one
 * region of the map (registers in between are read too; it is one round trip less).
 */
public final class ReadPlan {
    /** Registers one Modbus read may return. */
    public static final int MAX_REGISTERS = 125;

    /** One read request: {@code count} registers from {@code start}. */
    public record Span(int start, int count) {
        public int end() {
            return start + count;
        }
    }

    private ReadPlan() {}

    public static List<Span> of(DeviceMap map, Collection<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt(Point::address));
        List<Span> spans = new ArrayList<>();
        int start = -1;
        int end = -1;
        int[] region = null;
        for (Point p : sorted) {
            if (start >= 0 && p.end() - start <= MAX_REGISTERS && p.address() < region[1]) {
                end = Math.max(end, p.end());
                continue;
            }
            if (start >= 0) {
                spans.add(new Span(start, end - start));
            }
            start = p.address();
            end = p.end();
            region = map.regionOf(p.address());
        }
        if (start >= 0) {
            spans.add(new Span(start, end - start));
        }
        return spans;
    }
}

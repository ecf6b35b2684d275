package dev.chikuden.market;

import dev.chikuden.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The block prices read so far, per day, in any order: each day keeps the block structure of its
 * first row, a block may come once, and the days may span at most {@value #MAX_DAYS} days, checked
 * as they come, so that memory stays bounded whatever the file holds.
 */
final class EprxDays {
    /** Twenty years: an EPRX file holds a month or a fiscal year. */
    static final int MAX_DAYS = 20 * 366;

    private final Map<Long, Day> days = new HashMap<>();
    /** The inputs rows came from, for messages: {@code file} or {@code archive!/entry}. */
    private final List<String> sources = new ArrayList<>();

    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private String firstAt;
    private String lastAt;

    /** One day's blocks; {@code line[b] == 0} where block {@code b + 1} has no row yet. */
    private static final class Day {
        final int blocksPerDay;
        final String at;
        final double[] price;
        final long[] line;
        final int[] source;

        Day(int blocksPerDay, String at) {
            this.blocksPerDay = blocksPerDay;
            this.at = at;
            this.price = new double[blocksPerDay];
            this.line = new long[blocksPerDay];
            this.source = new int[blocksPerDay];
        }
    }

    /** Rows of {@code name} follow; returns its index for {@link #put}. */
    int source(String name) {
        sources.add(name);
        return sources.size() - 1;
    }

    /** The price (NaN: none) of {@code block} (1-based) of {@code day}, read at {@code source:line}. */
    void put(LocalDate day, int block, int blocksPerDay, double price, int source, long line) {
        String at = sources.get(source) + ":" + line;
        long d = day.toEpochDay();
        if (d < first) {
            first = d;
            firstAt = at;
        }
        if (d > last) {
            last = d;
            lastAt = at;
        }
        if (last - first >= MAX_DAYS) {
            throw new BadInputException(at + ": day " + day + " makes the file span "
                    + LocalDate.ofEpochDay(first) + " (" + firstAt + ") to " + LocalDate.ofEpochDay(last)
                    + " (" + lastAt + "), more than " + MAX_DAYS / 366
                    + " years; an EPRX results file holds a month or a fiscal year");
        }
        Day of = days.computeIfAbsent(d, k -> new Day(blocksPerDay, at));
        if (of.blocksPerDay != blocksPerDay) {
            throw new BadInputException(at + ": day " + day + " comes in " + blocksPerDay + " blocks here but in "
                    + of.blocksPerDay + " at " + of.at + "; a day has one block structure");
        }
        int b = block - 1;
        if (of.line[b] != 0) {
            throw new BadInputException(at + ": block " + block + " of " + day + " is already at "
                    + sources.get(of.source[b]) + ":" + of.line[b] + "; each block of a day may appear once");
        }
        of.price[b] = price;
        of.line[b] = line;
        of.source[b] = source;
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    /** The prices in 30-minute slots from the first day to the last; each block fills its slots. */
    EprxPrices prices(EprxProduct product, String area, String metric) {
        int n = (int) (last - first + 1);
        int[] blocks = new int[n];
        double[] slots = new double[n * EprxPrices.SLOTS_PER_DAY];
        Arrays.fill(slots, Double.NaN);
        for (Map.Entry<Long, Day> e : days.entrySet()) {
            int i = (int) (e.getKey() - first);
            Day day = e.getValue();
            blocks[i] = day.blocksPerDay;
            int width = EprxPrices.SLOTS_PER_DAY / day.blocksPerDay;
            for (int b = 0; b < day.blocksPerDay; b++) {
                if (day.line[b] != 0) {
                    int from = i * EprxPrices.SLOTS_PER_DAY + b * width;
                    Arrays.fill(slots, from, from + width, day.price[b]);
                }
            }
        }
        return new EprxPrices(product, area, metric, LocalDate.ofEpochDay(first), blocks, slots);
    }
}

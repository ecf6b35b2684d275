package dev.chikuden.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Integrates imported power into 30-minute demand slots aligned to the site's local clock
 * (:00 and :30 local), as a Japanese demand meter does. Demand of a slot is the imported energy
 * in it divided by the time it covers (half an hour, except at the ends of a study). Steps that
 * straddle a slot boundary are split. Streaming: O(1) state, no allocation per step.
 */
public final class HalfHourDemandMeter {
    public static final long SLOT_MS = 30 * 60 * 1000L;

    /** Receives each closed slot. */
    @FunctionalInterface
    public interface SlotListener {
        void slot(long slotStartEpochMs, double demandKw, double coveredSeconds);
    }

    private final ZoneRules rules;
    private final SlotListener listener;
    private long slotStartMs = Long.MIN_VALUE;
    private long slotEndMs = Long.MIN_VALUE;
    private double slotKwh;
    private double slotCoveredMs;
    private double peakKw = Double.NEGATIVE_INFINITY;
    private long peakSlotStartMs;
    private long slots;

    public HalfHourDemandMeter(ZoneId zone, SlotListener listener) {
        this.rules = zone.getRules();
        this.listener = listener;
    }

    public HalfHourDemandMeter(ZoneId zone) {
        this(zone, null);
    }

    /**
     * Adds a step of {@code importKw} (negative values count as zero: the import register does not
     * run backwards) starting at {@code epochMs} and lasting {@code durationMs}.
     */
    public void add(long epochMs, long durationMs, double importKw) {
        double kw = importKw > 0 ? importKw : 0;
        long t = epochMs;
        long end = epochMs + durationMs;
        while (t < end) {
            if (t >= slotEndMs || t < slotStartMs) {
                closeSlot();
                openSlotAt(t);
            }
            long until = Math.min(end, slotEndMs);
            slotKwh += kw * (until - t) / 3_600_000.0;
            slotCoveredMs += until - t;
            t = until;
        }
    }

    /**
     * Adds {@code count} consecutive steps of {@code stepMs}, the first starting at {@code
     * firstEpochMs}, their imports in {@code importKw[from...]}: the same sums as one {@link #add}
     * per step, with the steps wholly inside the open slot added in one tight loop.
     */
    public void addSteps(long firstEpochMs, long stepMs, double[] importKw, int from, int count) {
        int i = from;
        int to = from + count;
        long t = firstEpochMs;
        while (i < to) {
            if (t >= slotStartMs && t < slotEndMs && t + stepMs <= slotEndMs) {
                int inside = (int) Math.min(to - i, (slotEndMs - t) / stepMs);
                double kwh = slotKwh;
                double covered = slotCoveredMs;
                for (int end = i + inside; i < end; i++) {
                    double v = importKw[i];
                    double kw = v > 0 ? v : 0;
                    kwh += kw * stepMs / 3_600_000.0;
                    covered += stepMs;
                }
                slotKwh = kwh;
                slotCoveredMs = covered;
                t += inside * stepMs;
            } else {
                add(t, stepMs, importKw[i]);
                i++;
                t += stepMs;
            }
        }
    }

    /** Energy imported so far in the open slot. */
    public double slotImportKwh() {
        return slotKwh;
    }

    public long slotStartEpochMs() {
        return slotStartMs;
    }

    public long slotEndEpochMs() {
        return slotEndMs;
    }

    /** Closes the open slot; call once at the end of a run. */
    public void finish() {
        closeSlot();
        slotStartMs = Long.MIN_VALUE;
        slotEndMs = Long.MIN_VALUE;
    }

    /** Largest slot demand so far (closed slots only), or NaN before any slot closed. */
    public double peakKw() {
        return slots == 0 ? Double.NaN : peakKw;
    }

    public long peakSlotStartEpochMs() {
        return peakSlotStartMs;
    }

    public long closedSlots() {
        return slots;
    }

    private void closeSlot() {
        if (slotCoveredMs <= 0) {
            return;
        }
        double demandKw = slotKwh * 3_600_000.0 / slotCoveredMs;
        if (demandKw > peakKw) {
            peakKw = demandKw;
            peakSlotStartMs = slotStartMs;
        }
        slots++;
        if (listener != null) {
            listener.slot(slotStartMs, demandKw, slotCoveredMs / 1000.0);
        }
        slotKwh = 0;
        slotCoveredMs = 0;
    }

    private void openSlotAt(long epochMs) {
        slotStartMs = slotStartEpochMs(rules, epochMs);
        slotEndMs = slotStartMs + SLOT_MS;
    }

    /** Start of the slot holding {@code epochMs}: the last :00 or :30 of the local clock at or before it. */
    public static long slotStartEpochMs(ZoneRules rules, long epochMs) {
        long offsetMs = rules.getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
        return Math.floorDiv(epochMs + offsetMs, SLOT_MS) * SLOT_MS - offsetMs;
    }
}

package dev.chikuden.ems.runtime;

import dev.chikuden.time.HalfHourDemandMeter;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The 30-minute demand slot the site is in (aligned to :00 and :30 on the site's local clock, as
 * {@link HalfHourDemandMeter} aligns them in a study) and the energy imported in it so far, from the
 * grid meter's import counter: each reading adds the counter's rise since the last good reading,
 * also across readings that went missing. Where the counter cannot be used (the meter gives none, or
 * it went backwards: a reset or a new meter) the import power is integrated instead, by the
 * trapezoid between the two readings. An interval that straddles a slot boundary gives the new slot
 * its share by time. Allocates nothing after the first reading.
 *
 * <p>Joining mid-slot, the service cannot know what was imported before it started, so it assumes
 * the slot so far ran at the present import power (not zero, which would let a demand limiter
 * believe it had the whole allowance left).
 */
final class SlotImport {
    private static final double MS_PER_H = 3_600_000.0;

    private final ZoneRules rules;
    private long slotStartMs;
    private long slotEndMs;
    private double importKwh;
    private long lastMs = Long.MIN_VALUE;
    private double lastCounterKwh;
    private double lastImportKw;

    SlotImport(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** A good meter reading at {@code epochMs}: grid power ({@code > 0} import) and the import counter (NaN if none). */
    void reading(long epochMs, double gridKw, double importCounterKwh) {
        double importKw = Math.max(0, gridKw);
        if (lastMs == Long.MIN_VALUE || epochMs <= lastMs) { // the first reading, or the wall clock stepped back
            open(epochMs);
            importKwh = importKw * (epochMs - slotStartMs) / MS_PER_H;
        } else {
            double counted = importCounterKwh - lastCounterKwh;
            double addedKwh = counted >= 0 ? counted : (lastImportKw + importKw) / 2 * (epochMs - lastMs) / MS_PER_H;
            if (epochMs >= slotEndMs) {
                open(epochMs);
                importKwh = addedKwh * (epochMs - Math.max(lastMs, slotStartMs)) / (epochMs - lastMs);
            } else {
                importKwh += addedKwh;
            }
        }
        lastMs = epochMs;
        lastCounterKwh = importCounterKwh;
        lastImportKw = importKw;
    }

    private void open(long epochMs) {
        slotStartMs = HalfHourDemandMeter.slotStartEpochMs(rules, epochMs);
        slotEndMs = slotStartMs + HalfHourDemandMeter.SLOT_MS;
    }

    /** Start of the slot of the last reading (UTC ms). */
    long slotStartEpochMs() {
        return slotStartMs;
    }

    /** Energy imported in that slot up to the last reading. */
    double importKwh() {
        return importKwh;
    }
}

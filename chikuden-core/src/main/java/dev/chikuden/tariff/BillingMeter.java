package dev.chikuden.tariff;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.HalfHourDemandMeter;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Accumulates import and export energy per 30-minute slot of the site's local clock, for billing.
 * Two {@link HalfHourDemandMeter}s (import, and export as negated power) give the same slot
 * alignment as the plan's peak demand; per step it costs two meter additions and allocates nothing.
 */
public final class BillingMeter implements StepSink {
    private static final long SLOT_MS = HalfHourDemandMeter.SLOT_MS;

    private final HalfHourDemandMeter imports;
    private final HalfHourDemandMeter exports;
    private final long startMs;
    private final long stepMs;
    private long firstSlotMs = Long.MIN_VALUE;
    private double[] importKwh;
    private double[] exportKwh;
    private double[] coveredS;
    private int slots;
    /** The chunk's grid power negated, for the export meter. */
    private double[] exportedKw = new double[0];

    private boolean finished;

    public BillingMeter(TimeGrid grid) {
        this(grid.startEpochMs(), grid.stepMs(), grid.steps(), grid.zone());
    }

    private BillingMeter(long startMs, long stepMs, long steps, ZoneId zone) {
        this.startMs = startMs;
        this.stepMs = stepMs;
        int capacity = (int) (steps * stepMs / SLOT_MS) + 2;
        importKwh = new double[capacity];
        exportKwh = new double[capacity];
        coveredS = new double[capacity];
        imports = new HalfHourDemandMeter(zone, (start, kw, covered) -> {
            int i = index(start);
            importKwh[i] = kw * covered / 3600;
            coveredS[i] = covered;
            slots = Math.max(slots, i + 1);
        });
        exports = new HalfHourDemandMeter(zone, (start, kw, covered) -> exportKwh[index(start)] = kw * covered / 3600);
    }

    /** The slots of a grid power series (kW). */
    public static SlotEnergy of(FixedStepSeries gridKw, ZoneId zone) {
        BillingMeter m = new BillingMeter(gridKw.startEpochMs(), gridKw.stepMs(), gridKw.size(), zone);
        for (int i = 0; i < gridKw.size(); i++) {
            m.add(gridKw.epochMsAt(i), gridKw.get(i));
        }
        return m.slots();
    }

    @Override
    public void accept(StepChunk c) {
        int n = c.count();
        if (exportedKw.length < n) {
            exportedKw = new double[n];
        }
        double[] g = c.gridKw;
        for (int i = 0; i < n; i++) {
            exportedKw[i] = -g[i];
        }
        long t = startMs + c.firstStep() * stepMs;
        imports.addSteps(t, stepMs, g, 0, n);
        exports.addSteps(t, stepMs, exportedKw, 0, n);
    }

    private void add(long epochMs, double gridKw) {
        imports.add(epochMs, stepMs, gridKw);
        exports.add(epochMs, stepMs, -gridKw);
    }

    @Override
    public void close() {
        if (!finished) {
            imports.finish();
            exports.finish();
            finished = true;
        }
    }

    /** The slots metered; closes the meter. */
    public SlotEnergy slots() {
        close();
        return new SlotEnergy(
                firstSlotMs,
                Arrays.copyOf(importKwh, slots),
                Arrays.copyOf(exportKwh, slots),
                Arrays.copyOf(coveredS, slots));
    }

    private int index(long slotStartMs) {
        if (firstSlotMs == Long.MIN_VALUE) {
            firstSlotMs = slotStartMs;
        }
        return (int) ((slotStartMs - firstSlotMs) / SLOT_MS);
    }
}

package dev.chikuden.aging;

import java.util.Arrays;
import java.util.List;

/**
 * For users with a datasheet: cycle fade from a {@link LifeTable} (SAM's {@code lifetime_cycle_t}
 * approach) plus a square-root-of-time calendar fade, and the capacity is the lower of the two
 * (as SAM combines them). Cycles come from a streaming ASTM rainflow count of the SOC, as they
 * close; each counted cycle moves a cohort along the table at the running mean depth:
 * {@code q -= table(meanDod, n) - table(meanDod, n + count)}. The open residue is never counted,
 * as in SAM. Calendar: {@code loss = k(T) * sqrt(days)} with {@code k} set by the loss after one
 * year at a reference temperature, doubling every {@code doublingC} degrees; integrated per day like
 * BLAST's power-law states, so a varying temperature is followed.
 */
public final class LifeTableModel implements AgingModel {
    public static final String NAME = "table";
    private static final double CHUNK_S = 86_400;

    private final LifeTable table;
    private final double calendarLossAfterOneYear;
    private final double referenceC;
    private final double doublingC;
    private final RainflowCounter rainflow = new RainflowCounter(this::counted);

    // cycles counted in the open chunk, as (depth %, count)
    private double[] pendingDepth = new double[16];
    private double[] pendingCount = new double[16];
    private int pending;
    private double chunkSeconds;
    private double kIntegral;
    private double daysApplied;

    /**
     * @param calendarLossAfterOneYear fraction lost after 365 days at {@code referenceC}; 0 for none
     */
    public LifeTableModel(LifeTable table, double calendarLossAfterOneYear, double referenceC, double doublingC) {
        this.table = table;
        this.calendarLossAfterOneYear = calendarLossAfterOneYear;
        this.referenceC = referenceC;
        this.doublingC = doublingC;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Cohort newCohort() {
        return new State();
    }

    @Override
    public void addStep(double soc, double temperatureC, double stepS) {
        rainflow.add(soc * 100);
        if (calendarLossAfterOneYear > 0) {
            kIntegral += calendarRate(temperatureC) * stepS;
        }
        chunkSeconds += stepS;
    }

    /** Calendar rate (per sqrt(day)) at a temperature. */
    double calendarRate(double temperatureC) {
        return calendarLossAfterOneYear / Math.sqrt(365) * Math.pow(2, (temperatureC - referenceC) / doublingC);
    }

    private void counted(double range, double mean, double count) {
        if (pending == pendingDepth.length) {
            pendingDepth = Arrays.copyOf(pendingDepth, 2 * pending);
            pendingCount = Arrays.copyOf(pendingCount, 2 * pending);
        }
        pendingDepth[pending] = range;
        pendingCount[pending] = count;
        pending++;
    }

    @Override
    public void finishDuty() {
        rainflow.closePending();
    }

    @Override
    public boolean chunkComplete() {
        return chunkSeconds >= CHUNK_S - 1e-6;
    }

    @Override
    public void applyChunk(List<? extends Cohort> cohorts) {
        double days = chunkSeconds / 86_400;
        double k = chunkSeconds > 0 ? kIntegral / chunkSeconds : 0;
        for (Cohort c : cohorts) {
            State s = (State) c;
            for (int i = 0; i < pending; i++) {
                double n = s.cycles + pendingCount[i];
                s.meanDepth = (s.meanDepth * s.cycles + pendingDepth[i] * pendingCount[i]) / n;
                double dq = table.capacityPercent(s.meanDepth, s.cycles) - table.capacityPercent(s.meanDepth, n);
                if (dq > 0) {
                    s.cyclePercent = Math.max(0, s.cyclePercent - dq);
                }
                s.cycles = n;
            }
            s.calendarLoss += PowerLawState.increment(s.calendarLoss, days, k, 0.5);
        }
        daysApplied += days;
        pending = 0;
        chunkSeconds = 0;
        kIntegral = 0;
    }

    @Override
    public double daysApplied() {
        return daysApplied;
    }

    @Override
    public List<String> validityWarnings() {
        return List.of();
    }

    /** Cycles counted (closed) so far. */
    public double cyclesCounted() {
        return rainflow.closedCycles();
    }

    static final class State implements Cohort {
        double cyclePercent = 100;
        double cycles;
        double meanDepth;
        double calendarLoss;

        @Override
        public double relativeCapacity() {
            return Math.max(0, Math.min(cyclePercent / 100, 1 - calendarLoss));
        }
    }
}

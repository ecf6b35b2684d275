package dev.chikuden.aging;

import java.util.List;

/**
 * A capacity-fade model driven by the battery's SOC and cell temperature. Stressors are
 * accumulated every step ({@link #addStep}, cheap, no allocation) and the degradation state of
 * each cohort of cells is updated once per chunk (a day, as NREL's BLAST does). Cohorts let an
 * augmented battery age old and new cells separately under the same duty.
 */
public interface AgingModel {
    /** The name used in configuration and reports, e.g. {@code lfp-250ah}. */
    String name();

    /** A cohort of new cells (relative capacity 1). */
    Cohort newCohort();

    /** One step of duty: SOC at the end of the step (0..1), cell temperature, step length. */
    void addStep(double soc, double temperatureC, double stepS);

    /** True once a whole chunk has been accumulated; then call {@link #applyChunk}. */
    boolean chunkComplete();

    /** Applies the accumulated chunk (whole or, at the end of a run, partial) to each cohort and starts a new one. */
    void applyChunk(List<? extends Cohort> cohorts);

    /** The duty ends here: count what the end closes (before the last {@link #applyChunk}). */
    default void finishDuty() {}

    /** Days of duty applied so far. */
    double daysApplied();

    /** Where the duty so far left the range the model was fitted on; empty when inside. */
    List<String> validityWarnings();

    /** The degradation state of a group of cells installed together. */
    interface Cohort {
        /** Capacity relative to new, 0..1. */
        double relativeCapacity();
    }
}

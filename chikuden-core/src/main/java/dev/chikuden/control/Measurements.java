package dev.chikuden.control;

/**
 * What a controller sees of the site at the start of a step. One instance is reused step after
 * step (no allocation): a controller reads it during {@link Controller#requestKw} and keeps no
 * reference. The simulation engine fills it from models, the live service from meters.
 */
public final class Measurements {
    private long epochMs;
    private double stepS;
    private double loadKw;
    private double pvKw;
    private double gridFrequencyHz;
    private long slotStartEpochMs;
    private double slotImportKwh;
    private boolean gridAvailable = true;

    /** Refreshes every field; the caller owns the instance. */
    public Measurements update(
            long epochMs,
            double stepS,
            double loadKw,
            double pvKw,
            double gridFrequencyHz,
            long slotStartEpochMs,
            double slotImportKwh) {
        this.epochMs = epochMs;
        this.stepS = stepS;
        this.loadKw = loadKw;
        this.pvKw = pvKw;
        this.gridFrequencyHz = gridFrequencyHz;
        this.slotStartEpochMs = slotStartEpochMs;
        this.slotImportKwh = slotImportKwh;
        return this;
    }

    /** Marks a grid outage (false) or its end (true); the engine and the live service set it. */
    public Measurements gridAvailable(boolean available) {
        this.gridAvailable = available;
        return this;
    }

    /** False during a grid outage: the only time a backup reserve may be used. */
    public boolean gridAvailable() {
        return gridAvailable;
    }

    /** Start of the step, UTC milliseconds. */
    public long epochMs() {
        return epochMs;
    }

    /** Length of the step the request will be applied for. */
    public double stepS() {
        return stepS;
    }

    public double loadKw() {
        return loadKw;
    }

    public double pvKw() {
        return pvKw;
    }

    /** Grid power if the battery did nothing: load minus PV. */
    public double netLoadKw() {
        return loadKw - pvKw;
    }

    public double gridFrequencyHz() {
        return gridFrequencyHz;
    }

    /** Start of the current 30-minute demand slot (local clock). */
    public long slotStartEpochMs() {
        return slotStartEpochMs;
    }

    /** Time elapsed in the current 30-minute slot before this step. */
    public double slotElapsedS() {
        return (epochMs - slotStartEpochMs) / 1000.0;
    }

    /** Energy imported in the current 30-minute slot before this step. */
    public double slotImportKwh() {
        return slotImportKwh;
    }
}

package dev.chikuden.sim;

/**
 * Figures of a grid power series.
 *
 * @param energyImportedKwh      energy drawn from the grid
 * @param energyExportedKwh      energy fed into the grid
 * @param peakDemand30minKw      largest 30-minute demand (local-clock slots, import only)
 * @param peakDemandSlotEpochMs  start of that slot
 * @param peakGridKw             largest grid power of any step
 * @param maxRampUpKwPerS        largest rise over one second (or one step, if longer)
 * @param maxRampDownKwPerS      largest fall over one second (or one step, if longer), positive
 */
public record GridKpis(
        double energyImportedKwh,
        double energyExportedKwh,
        double peakDemand30minKw,
        long peakDemandSlotEpochMs,
        double peakGridKw,
        double maxRampUpKwPerS,
        double maxRampDownKwPerS) {
    /** The larger of the up and down ramps. */
    public double maxRampKwPerS() {
        return Math.max(maxRampUpKwPerS, maxRampDownKwPerS);
    }
}

package dev.chikuden.tariff;

/**
 * Grid energy per 30-minute slot of the local clock: slot {@code i} starts at
 * {@code firstSlotEpochMs + i * 30 min}. A slot at the ends of a series may be only partly covered.
 */
public record SlotEnergy(long firstSlotEpochMs, double[] importKwh, double[] exportKwh, double[] coveredSeconds) {
    public int size() {
        return importKwh.length;
    }

    /** Mean import over the covered part of slot {@code i}, as a demand meter reads it. */
    public double demandKw(int i) {
        return coveredSeconds[i] > 0 ? importKwh[i] * 3600 / coveredSeconds[i] : 0;
    }
}

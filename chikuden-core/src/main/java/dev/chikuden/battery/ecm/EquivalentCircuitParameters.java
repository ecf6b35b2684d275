package dev.chikuden.battery.ecm;

/**
 * A pack of identical cells, {@code seriesCells} in series per string and {@code parallelStrings}
 * strings in parallel, each cell a Thevenin equivalent circuit: OCV(SOC), a series resistance R0
 * and up to two RC pairs. All electrical values are per cell; pack values follow from the counts
 * (voltages times series, resistances times series over parallel). An RC pair with R = 0 is absent.
 *
 * @param seriesCells     cells in series in one string, at least 1
 * @param parallelStrings strings in parallel, at least 1
 * @param cellCapacityAh  charge capacity of one cell (Ah)
 * @param ocv             cell OCV against SOC
 * @param r0Ohm           cell series (ohmic) resistance, positive
 * @param r1Ohm           cell resistance of the first RC pair, 0 when absent
 * @param c1Farad         cell capacitance of the first RC pair
 * @param r2Ohm           cell resistance of the second RC pair, 0 when absent
 * @param c2Farad         cell capacitance of the second RC pair
 * @param vMinCell        lowest allowed cell terminal voltage (V)
 * @param vMaxCell        highest allowed cell terminal voltage (V)
 */
public record EquivalentCircuitParameters(
        int seriesCells,
        int parallelStrings,
        double cellCapacityAh,
        OcvTable ocv,
        double r0Ohm,
        double r1Ohm,
        double c1Farad,
        double r2Ohm,
        double c2Farad,
        double vMinCell,
        double vMaxCell) {
    public EquivalentCircuitParameters {
        if (seriesCells < 1 || parallelStrings < 1) {
            throw new IllegalArgumentException("need at least 1 cell in series and 1 string, got " + seriesCells
                    + " in series and " + parallelStrings + " strings");
        }
        if (!(cellCapacityAh > 0 && Double.isFinite(cellCapacityAh))) {
            throw new IllegalArgumentException("cell capacity must be positive, got " + cellCapacityAh + " Ah");
        }
        if (ocv == null) {
            throw new IllegalArgumentException("an OCV table is required");
        }
        // R0 > 0 keeps the power-current relation a proper quadratic with a finite maximum power
        if (!(r0Ohm > 0 && Double.isFinite(r0Ohm))) {
            throw new IllegalArgumentException("R0 must be positive, got " + r0Ohm + " ohm");
        }
        checkPair(1, r1Ohm, c1Farad);
        checkPair(2, r2Ohm, c2Farad);
        if (!(vMinCell >= 0 && vMinCell < vMaxCell && Double.isFinite(vMaxCell))) {
            throw new IllegalArgumentException(
                    "need 0 <= vMin < vMax, got vMin " + vMinCell + " V, vMax " + vMaxCell + " V");
        }
    }

    private static void checkPair(int pair, double rOhm, double cFarad) {
        if (!(rOhm >= 0 && Double.isFinite(rOhm))) {
            throw new IllegalArgumentException("R" + pair + " must be 0 (no pair) or positive, got " + rOhm + " ohm");
        }
        if (rOhm > 0 && !(cFarad > 0 && Double.isFinite(cFarad))) {
            throw new IllegalArgumentException(
                    "C" + pair + " must be positive when R" + pair + " is, got " + cFarad + " F");
        }
    }

    /**
     * A 280 Ah LFP prismatic cell, 416 in series and 10 strings: a 1,331 V (3.2 V nominal) pack of
     * 3.73 MWh nameplate, a typical utility container. Typical datasheet and literature values for
     * large LFP cells, not a fit to one product.
     */
    public static EquivalentCircuitParameters lfp280Ah() {
        return lfp280Ah(416, 10);
    }

    /** The 280 Ah LFP cell of {@link #lfp280Ah()} in another arrangement. */
    public static EquivalentCircuitParameters lfp280Ah(int seriesCells, int parallelStrings) {
        OcvTable ocv = new OcvTable(
                new double[] {0.00, 0.05, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 0.95, 1.00},
                new double[] {2.50, 3.20, 3.25, 3.28, 3.29, 3.30, 3.31, 3.32, 3.33, 3.34, 3.35, 3.40, 3.55});
        double r1 = 0.20e-3;
        double r2 = 0.15e-3;
        // RC pairs given by their time constants: 20 s (charge transfer) and 400 s (diffusion)
        return new EquivalentCircuitParameters(
                seriesCells, parallelStrings, 280, ocv, 0.25e-3, r1, 20 / r1, r2, 400 / r2, 2.5, 3.65);
    }

    /** Pack OCV (V) at {@code soc}. */
    public double packOcv(double soc) {
        return ocv.voltage(soc) * seriesCells;
    }

    /** Pack resistance (ohm) of a per-cell resistance. */
    public double packOhm(double cellOhm) {
        return cellOhm * seriesCells / parallelStrings;
    }

    /** Pack capacitance (F) of a per-cell capacitance: scaled inversely to a resistance, same time constant. */
    public double packFarad(double cellFarad) {
        return cellFarad * parallelStrings / seriesCells;
    }

    public double packVMin() {
        return vMinCell * seriesCells;
    }

    public double packVMax() {
        return vMaxCell * seriesCells;
    }

    /** Energy at open circuit from SOC 0 to 1 (kWh): charge capacity times the mean pack OCV. */
    public double openCircuitEnergyKwh() {
        return cellCapacityAh * parallelStrings * ocv.meanVoltage() * seriesCells / 1000;
    }
}

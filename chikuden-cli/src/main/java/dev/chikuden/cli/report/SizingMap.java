package dev.chikuden.cli.report;

import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The net present value of each battery size a sizing sweep tried: every power with every energy.
 *
 * @param powerKw    the powers tried, ascending
 * @param energyKwh  the energies tried, ascending
 * @param npvYen     {@code npvYen[p][e]} for {@code powerKw[p]} and {@code energyKwh[e]}; NaN where
 *                   a size was not evaluated
 * @param bestPower  index into {@code powerKw} of the chosen size
 * @param bestEnergy index into {@code energyKwh} of the chosen size
 */
public record SizingMap(double[] powerKw, double[] energyKwh, double[][] npvYen, int bestPower, int bestEnergy) {
    public SizingMap {
        if (npvYen.length != powerKw.length) {
            throw new IllegalArgumentException(
                    "npvYen has " + npvYen.length + " rows; expected one per power (" + powerKw.length + ")");
        }
        for (double[] row : npvYen) {
            if (row.length != energyKwh.length) {
                throw new IllegalArgumentException("a row of npvYen has " + row.length
                        + " values; expected one per energy (" + energyKwh.length + ")");
            }
        }
        if (bestPower < 0 || bestPower >= powerKw.length || bestEnergy < 0 || bestEnergy >= energyKwh.length) {
            throw new IllegalArgumentException(
                    "the chosen size [" + bestPower + ", " + bestEnergy + "] is not in the grid");
        }
    }

    /** The heatmap as the report draws it. */
    record Figures(double[] powerKw, double[] energyKwh, List<double[]> cells, int[] best) {}

    /** The heatmap's cells as [power index, energy index, NPV yen], NaN cells left out. */
    Figures figures() {
        List<double[]> cells = new ArrayList<>();
        for (int p = 0; p < powerKw.length; p++) {
            for (int e = 0; e < energyKwh.length; e++) {
                if (!Double.isNaN(npvYen[p][e])) {
                    cells.add(new double[] {p, e, npvYen[p][e]});
                }
            }
        }
        return new Figures(powerKw, energyKwh, cells, new int[] {bestPower, bestEnergy});
    }

    /** The NPV map of a sizing sweep; infeasible sizes are NaN. */
    public static SizingMap of(SizingResult r) {
        double[][] npv = new double[r.powerKw().length][r.energyKwh().length];
        for (int i = 0; i < npv.length; i++) {
            for (int j = 0; j < npv[i].length; j++) {
                Candidate c = r.at(i, j);
                npv[i][j] = c.feasible() ? c.npvYen() : Double.NaN;
            }
        }
        int e = r.energyKwh().length;
        return new SizingMap(r.powerKw(), r.energyKwh(), npv, r.bestIndex() / e, r.bestIndex() % e);
    }
}

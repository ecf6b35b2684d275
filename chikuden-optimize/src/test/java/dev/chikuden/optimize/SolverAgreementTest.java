package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two independent simplex codes must find the same optimum of a whole year. */
class SolverAgreementTest {
    @Test
    void highsAndClpAgreeOnAYearToOnePartInAMillion() {
        int n = 17_520;
        Random random = new Random(2025);
        double[] load = new double[n];
        double[] price = new double[n];
        int[] month = new int[n];
        for (int t = 0; t < n; t++) {
            double day = 2 * Math.PI * t / 48;
            load[t] = 120_000 + 8_000 * Math.sin(day - 1.2) + 2_000 * random.nextGaussian();
            price[t] = 14 + 6 * Math.sin(day - 2.0) + 2 * random.nextGaussian();
            month[t] = Math.min(11, t / 1460);
        }
        double[] basic = new double[12];
        double[] excess = new double[12];
        java.util.Arrays.fill(basic, 1911.8);
        java.util.Arrays.fill(excess, 1.5 * 1911.8);
        DemandCharge demand = new DemandCharge(1, month, basic, excess, ContractMode.OPTIMISED, 0, new double[12]);
        DispatchProblem p = Problems.of(
                load,
                price,
                new DispatchProblem.Storage(50_000, 50_000, 0.93, 0.93, 10_000, 190_000, 100_000, 100_000, 1.5),
                demand,
                null);
        double highs;
        double clp;
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            highs = m.solve().lpObjectiveValue();
        }
        try (DispatchModel m = new DispatchModel(p, Solver.CLP, false)) {
            clp = m.solve().lpObjectiveValue();
        }
        assertThat(clp).isCloseTo(highs, within(1e-6 * Math.abs(highs)));
    }
}

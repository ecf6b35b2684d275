package dev.chikuden.optimize;

import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.Arrays;

/** Small dispatch problems for tests: 30-minute periods from the epoch, no exports. */
final class Problems {
    static final long HALF_HOUR = 1_800_000;

    private Problems() {}

    static DispatchProblem of(double[] loadKw, double[] price, Storage s, DemandCharge demand, ReserveMarket reserve) {
        return new DispatchProblem(
                0,
                HALF_HOUR,
                loadKw,
                price,
                new double[loadKw.length],
                new double[loadKw.length],
                Double.POSITIVE_INFINITY,
                s,
                demand,
                reserve == null ? java.util.List.of() : java.util.List.of(reserve));
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** A battery with one efficiency both ways, empty at the start and free to end anywhere above. */
    static Storage battery(double kw, double kwh, double efficiency, double initialKwh) {
        return new Storage(kw, kw, efficiency, efficiency, 0, kwh, initialKwh, initialKwh, 0);
    }

    /** One month, the contract chosen by the LP; demand above it pays 1.5 times the basic rate. */
    static DemandCharge optimisedContract(int periods, double basicYenPerKw) {
        return new DemandCharge(
                1,
                new int[periods],
                new double[] {basicYenPerKw},
                new double[] {1.5 * basicYenPerKw},
                ContractMode.OPTIMISED,
                0,
                new double[] {0});
    }
}

package dev.chikuden.optimize.mpc;

import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchSolution;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The balancing offers an MPC sells as the gates close. Each period's offer of each product is
 * decided by the plan made at its gate, moved back to the block boundary before it (a plan at 12:00
 * for a 14:00 gate, with 3-hour blocks: an offer may be made early, never late); offers whose gate
 * closed before the study are decided by its first plan. Once sold, an offer never changes: later
 * plans re-decide energy around it.
 */
final class GateBook {
    private final DispatchProblem truth;
    /** Per product and period: the offer sold, NaN while open. */
    private final double[][] sold;
    /** Per product and period: the period whose plan decides its offer. */
    private final int[][] decideAt;
    /** The periods at which some offer is decided, after the first, ascending. */
    private final int[] gates;
    /** The periods every horizon starts on: the least common multiple of the products' blocks. */
    private final int alignPeriods;

    private int next;

    /**
     * @param gateMs per product and period, when its offer closes (epoch ms; {@link Long#MAX_VALUE}: never offered)
     * @throws BadInputException when {@code horizonPeriods} cannot see every offer it must sell, or
     *                           replans every {@code everyPeriods} do not start on a block boundary
     */
    GateBook(DispatchProblem truth, long[][] gateMs, int horizonPeriods, int everyPeriods, String source) {
        this.truth = truth;
        int n = truth.periods();
        int products = truth.reserves().size();
        int align = 1;
        for (ReserveMarket r : truth.reserves()) {
            align = lcm(align, r.blockPeriods());
        }
        this.alignPeriods = align;
        double hours = truth.periodHours();
        if (everyPeriods % align != 0) {
            throw new BadInputException(source + ": strategy: mpc: every " + fmt(everyPeriods * hours)
                    + " h is not a whole number of the balancing market's " + fmt(align * hours)
                    + "-h blocks; a plan that sells offers starts on a block");
        }
        this.sold = new double[products][n];
        this.decideAt = new int[products][n];
        TreeSet<Integer> at = new TreeSet<>();
        int reach = 0;
        for (int k = 0; k < products; k++) {
            Arrays.fill(sold[k], Double.NaN);
            for (int t = 0; t < n; t++) {
                long gate = gateMs[k][t];
                int d = gate == Long.MAX_VALUE
                        ? t - t % align
                        : (int) Math.max(0, Math.floorDiv(gate - truth.startEpochMs(), truth.periodMs()));
                d = Math.min(d - d % align, t - t % align);
                decideAt[k][t] = d;
                reach = Math.max(reach, t - d + 1);
                if (d > 0 && gate != Long.MAX_VALUE) {
                    at.add(d);
                }
            }
        }
        if (reach > horizonPeriods) {
            throw new BadInputException(source + ": strategy: mpc: horizon " + fmt(horizonPeriods * hours)
                    + " h does not reach the end of the offers a plan sells at the balancing market's gates, "
                    + "which close up to " + fmt(reach * hours) + " h before the end of what they sell (a day-ahead "
                    + "gate 36 h with 3-h blocks; a weekly gate, before 2026-03-14, about 10.5 days); use horizon: "
                    + (int) Math.ceil(reach * hours) + " h or more");
        }
        this.gates = at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The periods every horizon starts on a multiple of. */
    int alignPeriods() {
        return alignPeriods;
    }

    /** The gate to plan at, the latest at or before {@code period} not planned at yet; -1 for none. */
    int gateDue(int period) {
        int due = -1;
        while (next < gates.length && gates[next] <= period) {
            due = gates[next++];
        }
        return due;
    }

    /** Whether a gate is still to be planned at. */
    boolean pending() {
        return next < gates.length;
    }

    /** Sells every open offer {@code plan} (made at {@code first}) decides, at the plan's offers. */
    void sell(int first, DispatchSolution plan) {
        int horizon = plan.offerKw().length == 0 ? 0 : plan.offerKw()[0].length;
        for (int k = 0; k < sold.length; k++) {
            for (int i = 0; i < Math.min(horizon, truth.periods() - first); i++) {
                int t = first + i;
                if (Double.isNaN(sold[k][t]) && decideAt[k][t] <= first) {
                    sold[k][t] = Math.max(0, plan.offerKw()[k][i]);
                }
            }
        }
    }

    /** Per product and period: the offer sold, NaN while open; a live view. */
    double[][] sold() {
        return sold;
    }

    private static int lcm(int a, int b) {
        return a
                / java.math.BigInteger.valueOf(a)
                        .gcd(java.math.BigInteger.valueOf(b))
                        .intValue()
                * b;
    }

    private static String fmt(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}

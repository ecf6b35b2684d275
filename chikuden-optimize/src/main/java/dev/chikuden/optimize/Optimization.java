package dev.chikuden.optimize;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.Baseline;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The optimal dispatch of a site and what it delivers: the LP's plan, the same LP without the
 * battery (the LP's own baseline, for its bound), the case without battery as every command bills
 * it, and the plan played through the battery model under the real-time stack ({@link Delivery}).
 * The delivered saving is the figure to act on; the LP's is a bound.
 *
 * @param lpWithoutBattery the LP of the site without battery or its auxiliaries
 * @param delivery         null when not simulated
 */
public record Optimization(
        DispatchProblem problem,
        DispatchSolution plan,
        DispatchSolution lpWithoutBattery,
        Baseline baseline,
        Delivery delivery) {
    /** Solves at most this many times, each from the operating point of the one before. */
    public static final int SOLVES = 3;

    /** The LP's saving on the bill: its bill without battery minus its bill with the plan. */
    public double lpSavingYen() {
        return lpWithoutBattery.costs().billYen() - plan.costs().billYen();
    }

    /**
     * Optimises the site's dispatch over its first study year and, when {@code deliver}, plays the
     * plan through the battery model.
     *
     * @param periodMs the LP period; 0 for the site's
     * @param model    sees the model after the last solve (e.g. to export it), or null
     * @param progress told the steps simulated (the baseline's, then the delivery's), or null
     */
    public static Optimization of(
            SiteConfig site,
            long periodMs,
            Solver solver,
            boolean deliver,
            Consumer<DispatchModel> model,
            LongConsumer progress) {
        DispatchProblem problem = SiteDispatch.problem(site, periodMs);
        DispatchSolution plan;
        try (DispatchModel m = new DispatchModel(problem, solver, false)) {
            plan = m.solveAtOperatingPoint(SOLVES);
            if (model != null) {
                model.accept(m);
            }
        }
        DispatchSolution without;
        try (DispatchModel m = new DispatchModel(problem.withoutBattery(), solver, false)) {
            without = m.solve();
        }
        Baseline baseline = Baseline.of(site, progress);
        Delivery delivery = deliver ? Delivery.of(site, problem, plan, baseline, progress) : null;
        return new Optimization(problem, plan, without, baseline, delivery);
    }
}

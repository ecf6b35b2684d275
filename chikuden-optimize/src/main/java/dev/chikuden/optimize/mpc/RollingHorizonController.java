package dev.chikuden.optimize.mpc;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.EnergyPacer;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.Solver;
import java.util.function.Function;

/**
 * Rolling model-predictive control: every {@code everyPeriods} LP periods (counted from the study's
 * start) it solves the dispatch LP again over the next {@code horizonPeriods} from a forecast, the
 * battery's actual stored energy and the demand already reached (see {@link Horizon}), and follows
 * the plan's energy for each period until the next replan, paced like an energy schedule: the rest
 * of the period's energy evenly over the time left. It only states a preference, so the layers
 * above it (limits, grid code, demand limiter) stay in charge; replanning from the actual state
 * absorbs what they changed.
 *
 * <p>One reusable LP model is built at construction and only updated and re-solved at each replan
 * (the shape never changes), then released after the last one. Nothing is allocated per step.
 */
public final class RollingHorizonController implements ControlLayer {
    private final DispatchProblem truth;
    private final Forecaster forecaster;
    private final Horizon horizon;
    private final int everyPeriods;
    private final DispatchModel model;
    private final EnergyPacer pacer;
    /** Null when the truth has no demand charge. */
    private final DemandTracker demand;
    /** Net AC energy ({@code > 0} discharge) of the periods from {@link #plannedFrom} to the next replan. */
    private final double[] plannedKwh;

    private int plannedFrom = -1;
    private int replans;

    /**
     * @param truth          the study's whole dispatch problem: true net load (the forecaster's
     *                       source), prices, demand months, the battery
     * @param horizonPeriods LP periods each plan looks ahead
     * @param everyPeriods   LP periods between replans, at most the horizon
     */
    public RollingHorizonController(
            DispatchProblem truth, Forecaster forecaster, int horizonPeriods, int everyPeriods, Solver solver) {
        this(truth, forecaster, horizonPeriods, everyPeriods, p -> new DispatchModel(p, solver, true));
    }

    /** With the model built by {@code models} (tests count the models built). */
    RollingHorizonController(
            DispatchProblem truth,
            Forecaster forecaster,
            int horizonPeriods,
            int everyPeriods,
            Function<DispatchProblem, DispatchModel> models) {
        if (everyPeriods < 1 || everyPeriods > horizonPeriods) {
            throw new IllegalArgumentException(
                    "need 1 <= everyPeriods <= horizonPeriods, was " + everyPeriods + " and " + horizonPeriods);
        }
        this.truth = truth;
        this.forecaster = forecaster;
        this.horizon = new Horizon(truth, horizonPeriods);
        this.everyPeriods = everyPeriods;
        this.pacer = new EnergyPacer(truth.startEpochMs(), truth.periodMs());
        this.demand = truth.demand() == null ? null : new DemandTracker(truth);
        this.plannedKwh = new double[everyPeriods];
        // the first horizon only gives the model its shape: every replan sets all of its numbers
        this.model =
                models.apply(horizon.at(0, Forecaster.perfect(), truth.storage().initialKwh(), monthPeakKw()));
    }

    @Override
    public String name() {
        return "mpc";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        long period = pacer.slotOf(m.epochMs());
        if (period < 0 || period >= truth.periods()) {
            return;
        }
        int due = (int) (period - period % everyPeriods);
        if (due != plannedFrom) {
            replan(due, battery.storedEnergyKwh());
        }
        window.prefer(pacer.powerKw(m.epochMs(), plannedKwh[(int) period - plannedFrom]));
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        pacer.credit(batteryKw, m.epochMs(), m.stepS());
        if (demand != null) {
            demand.add(m.epochMs(), Math.round(m.stepS() * 1000), m.netLoadKw() - batteryKw);
        }
    }

    private void replan(int first, double storedKwh) {
        model.update(horizon.at(first, forecaster, storedKwh, monthPeakKw()));
        DispatchSolution plan = model.solve();
        for (int j = 0; j < everyPeriods; j++) {
            // the battery's own net power: the plan put its auxiliaries on the grid
            plannedKwh[j] = (plan.batteryKw(j) - plan.auxiliaryKw()[j]) * truth.periodHours();
        }
        plannedFrom = first;
        replans++;
        if (first + everyPeriods >= truth.periods()) {
            model.close(); // the last plan: it runs to the end of the study
        }
    }

    private double[] monthPeakKw() {
        return demand == null ? null : demand.monthPeakKw();
    }

    /** Plans made so far. */
    int replans() {
        return replans;
    }
}

package dev.chikuden.optimize.mpc;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.EnergyPacer;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.control.PriceSignals;
import dev.chikuden.control.ReserveTrader;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.PriceForecast;
import dev.chikuden.optimize.Solver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * <p>With {@link Trading}, the plans also sell the balancing market's offers as its gates close: a
 * plan is made at each gate (see {@link GateBook}), the offers it decides are sold and fixed, and
 * every later plan re-decides only energy around them; energy prices JEPX has not published yet are
 * forecast. The battery is steered to discharge the offers' expected activation energy as planned,
 * and a {@link ReserveLedger} books what the battery, as simulated, could deliver of what was sold.
 *
 * <p>One reusable LP model is built at construction and only updated and re-solved at each replan
 * (the shape never changes), then released after the last one. Nothing is allocated per step.
 */
public final class RollingHorizonController implements ControlLayer, ReserveTrader, PriceSignals.Taker {
    /**
     * What a controller trading the markets needs beside the truth.
     *
     * @param gateMs       per product of the truth and period, when its offer closes ({@link
     *                     dev.chikuden.optimize.MarketOffers#gates})
     * @param prices       how prices not yet published are forecast
     * @param zone         the site's time zone (JEPX publishes a day's prices at 10:00 the day before)
     * @param jepxLinked   whether the energy prices follow JEPX's day-ahead auction (else a tariff's,
     *                     known ahead)
     * @param contractedKw the capacity contract's kW, NaN for none
     * @param source       the site file, for errors
     */
    public record Trading(
            long[][] gateMs,
            PriceForecast prices,
            ZoneId zone,
            boolean jepxLinked,
            double contractedKw,
            String source) {}

    /** JEPX's day-ahead auction closes at 10:00; a plan after it knows the next day's prices. */
    private static final LocalTime JEPX_GATE = LocalTime.of(10, 0);

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

    /** Null when the controller sells no balancing offers. */
    private final GateBook gates;

    private final ReserveLedger ledger;
    private final Trading trading;

    /** Told of every plan before its offers are sold; tests watch the offers stay as sold. */
    private PlanListener listener = (first, plan) -> {};

    private int plannedFrom = -1;
    private int lastDue = -1;
    private final PriceSignals signals = new PriceSignals();
    private long plannedVersion;
    private int replans;

    /**
     * @param truth          the study's whole dispatch problem: true net load (the forecaster's
     *                       source), prices, demand months, the battery
     * @param horizonPeriods LP periods each plan looks ahead
     * @param everyPeriods   LP periods between replans, at most the horizon
     */
    public RollingHorizonController(
            DispatchProblem truth, Forecaster forecaster, int horizonPeriods, int everyPeriods, Solver solver) {
        this(truth, forecaster, horizonPeriods, everyPeriods, null, p -> new DispatchModel(p, solver, true));
    }

    /**
     * A controller that also trades the markets of {@code truth} ({@code trading} null: prices
     * known, no offers sold).
     */
    public RollingHorizonController(
            DispatchProblem truth,
            Forecaster forecaster,
            int horizonPeriods,
            int everyPeriods,
            Trading trading,
            Solver solver) {
        this(truth, forecaster, horizonPeriods, everyPeriods, trading, p -> new DispatchModel(p, solver, true));
    }

    /** With the model built by {@code models} (tests count the models built). */
    RollingHorizonController(
            DispatchProblem truth,
            Forecaster forecaster,
            int horizonPeriods,
            int everyPeriods,
            Trading trading,
            Function<DispatchProblem, DispatchModel> models) {
        if (everyPeriods < 1 || everyPeriods > horizonPeriods) {
            throw new IllegalArgumentException(
                    "need 1 <= everyPeriods <= horizonPeriods, was " + everyPeriods + " and " + horizonPeriods);
        }
        this.truth = truth;
        this.forecaster = forecaster;
        this.trading = trading;
        boolean sells = trading != null && !truth.reserves().isEmpty();
        this.gates =
                sells ? new GateBook(truth, trading.gateMs(), horizonPeriods, everyPeriods, trading.source()) : null;
        boolean books = trading != null && (sells || !Double.isNaN(trading.contractedKw()));
        this.ledger = books
                ? new ReserveLedger(
                        truth, sells ? gates.sold() : new double[0][], trading.contractedKw(), trading.zone())
                : null;
        this.horizon = new Horizon(truth, horizonPeriods, trading == null ? null : trading.prices());
        horizon.signals(signals);
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
    public PriceSignals priceSignals() {
        return signals;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        long period = pacer.slotOf(m.epochMs());
        if (period < 0 || period >= truth.periods()) {
            return;
        }
        int due = (int) (period - period % everyPeriods);
        int gate = gates == null ? -1 : gates.gateDue((int) period);
        long version = signals.version();
        if (due != lastDue || gate >= 0 || version != plannedVersion) {
            lastDue = due;
            plannedVersion = version; // new signalled prices: a new plan at once
            replan(Math.max(due, gate), battery.storedEnergyKwh());
        }
        if (ledger != null) {
            ledger.before(battery, m.stepS());
        }
        window.prefer(pacer.powerKw(m.epochMs(), plannedKwh[(int) period - plannedFrom]));
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        pacer.credit(batteryKw, m.epochMs(), m.stepS());
        if (demand != null) {
            demand.add(m.epochMs(), Math.round(m.stepS() * 1000), m.netLoadKw() - batteryKw);
        }
        if (ledger != null) {
            long period = pacer.slotOf(m.epochMs());
            if (period >= 0 && period < truth.periods()) {
                ledger.after((int) period, batteryKw, m.netLoadKw() - batteryKw, m.stepS());
            }
        }
    }

    @Override
    public ReserveSales sales() {
        return ledger == null ? null : ledger.sales();
    }

    private void replan(int first, double storedKwh) {
        model.update(horizon.at(
                first, forecaster, storedKwh, monthPeakKw(), energyKnown(first), gates == null ? null : gates.sold()));
        DispatchSolution plan = model.solve();
        listener.planned(first, plan);
        if (gates != null) {
            gates.sell(first, plan);
        }
        int planned = Math.min(everyPeriods, truth.periods() - first);
        for (int j = 0; j < planned; j++) {
            // the battery's own net power (the plan put its auxiliaries on the grid), and the
            // expected activation of the offers sold
            double activationKw = ledger == null ? 0 : ledger.activationKw(first + j);
            plannedKwh[j] = (plan.batteryKw(j) - plan.auxiliaryKw()[j] + activationKw) * truth.periodHours();
        }
        plannedFrom = first;
        replans++;
        if (first + everyPeriods >= truth.periods() && (gates == null || !gates.pending())) {
            model.close(); // the last plan: it runs to the end of the study
        }
    }

    /** The first period whose energy price is unpublished at the start of {@code first}. */
    private int energyKnown(int first) {
        if (trading == null || !trading.jepxLinked()) {
            return truth.periods();
        }
        ZonedDateTime now = Instant.ofEpochMilli(truth.startEpochMs() + first * truth.periodMs())
                .atZone(trading.zone());
        LocalDate published = now.toLocalDate().plusDays(now.toLocalTime().isAfter(JEPX_GATE) ? 1 : 0);
        long end =
                published.plusDays(1).atStartOfDay(trading.zone()).toInstant().toEpochMilli();
        return (int) Math.min(truth.periods(), Math.max(0, (end - truth.startEpochMs()) / truth.periodMs()));
    }

    private double[] monthPeakKw() {
        return demand == null ? null : demand.monthPeakKw();
    }

    /** A plan made at period {@code first}. */
    interface PlanListener {
        void planned(int first, DispatchSolution plan);
    }

    void onPlan(PlanListener l) {
        listener = l;
    }

    /** Per product and period, the offers sold so far (NaN: open); null when none are traded. A live view. */
    double[][] soldKw() {
        return gates == null ? null : gates.sold();
    }

    /** Plans made so far. */
    int replans() {
        return replans;
    }
}

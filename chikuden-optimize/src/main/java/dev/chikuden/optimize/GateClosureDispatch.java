package dev.chikuden.optimize;

import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trading as the markets' gates allow, day by day, against the hindsight of one LP over the study.
 * For each delivery day D:
 *
 * <ol>
 *   <li>10:00 the day before, JEPX's day-ahead gate: D's energy position (the net grid kW of each
 *       period) is decided on forecast energy prices (those of the days before D are known),
 *       co-optimised with tentative reserve offers on forecast reserve prices. It is sold, and
 *       settled at D's day-ahead prices when they clear.
 *   <li>At the balancing market's gates, 14:00 the day before for a day-ahead product: D's offers
 *       are fixed on forecast reserve prices, D's energy prices now known and its position held; the
 *       offers are sold at the prices the market clears (a price taker). A weekly product (before
 *       2026-03-14) sells a Saturday-to-Friday week at once on the Tuesday before: its offers are
 *       fixed with D's, D the Wednesday, in one plan on forecast energy and reserve prices up to the
 *       end of that Friday, about 10 days; D's day-ahead offers decided in the same plan. A window
 *       starts at 00:00 of D, a block boundary, so its blocks are the market's. Offers whose gate
 *       closed before the study (a study starting mid-week: the rest of that week, and the next
 *       week's if its Tuesday is past) are decided by the first day's plan, prices before the study
 *       unseen. An offer once sold never changes: every later plan keeps it.
 *   <li>During D: without intraday prices the battery holds its position (plus the reserve's expected
 *       activation, which the TSO settles). With JEPX intraday prices, the energy is re-decided at the
 *       start of D with the sold offers fixed, and a deviation from the position trades at the intraday
 *       price: forecast as D's day-ahead price, for every forecast (the stated assumption: at the start
 *       of D the day-ahead price is the best guess of the intraday one), settled at the actual intraday
 *       price. A slot without intraday trades trades no deviation: its position holds.
 * </ol>
 *
 * <p>Settled like a JEPX-linked tariff: the metered flows at the tariff's prices (the day-ahead price
 * and its adders), plus {@code (intraday - day-ahead) x (grid - position)} for each deviation.
 *
 * <p>A perfect forecast follows the latest plan: each window ends at the stored energy of the plan
 * made last (first the hindsight LP's), so the offers a weekly plan sold stay feasible and the days
 * capture all of the bound.
 *
 * <p>The hindsight LP knows every price and sells as its position the schedule it runs. It does not
 * speculate on the spread between the two markets (a position it means to buy back intraday): that
 * bound would be mostly the spread's noise times the battery's power, not the value of storage. The
 * deviations' worth at the actual intraday prices is therefore outside the bound, and a forecast's
 * capture may pass 1 by as much as the deviations earned by chance; a perfect forecast, its plan
 * already the hindsight's at day-ahead prices, deviates by nothing and captures 1.
 *
 * <p>The site's load and the activation prices (registered by the provider) are taken as known. A
 * site whose demand charges cost anything is not traded this way: a month's peak does not split
 * into days.
 *
 * @param valueYen        what the stitched days earn against the site without battery, at actual prices
 * @param perfectValueYen what the hindsight LP earns, every price known (its position its schedule: see above)
 * @param value           {@code valueYen} by market
 * @param perfect         {@code perfectValueYen} by market
 * @param soldKw          the offer sold per product and period
 * @param positionKw      the day-ahead position per period, kW of import less export
 * @param gridKw          the grid flow the stitched days ran, kW of import less export (the position
 *                        where no deviation traded)
 * @param storedKwh       the stored energy at the end of each period of the stitched days
 * @param intraday        whether deviations traded at intraday prices
 */
public record GateClosureDispatch(
        double valueYen,
        double perfectValueYen,
        Parts value,
        Parts perfect,
        double[][] soldKw,
        double[] positionKw,
        double[] gridKw,
        double[] storedKwh,
        PriceForecast forecast,
        boolean intraday) {

    /**
     * A value by market, yen.
     *
     * @param dayAheadYen the energy at day-ahead prices (the tariff's), less the battery's wear
     * @param intradayYen what the deviations from the position earned at intraday prices beyond day-ahead
     * @param reserveYen  the reserve's capacity price and its activations less their wear
     */
    public record Parts(double dayAheadYen, double intradayYen, double reserveYen) {
        public double energyYen() {
            return dayAheadYen + intradayYen;
        }
    }

    /**
     * Value captured over perfect foresight: at most 1 up to the solver's tolerance, plus with intraday
     * prices what the deviations earned by chance.
     */
    public double captureRatio() {
        return ratio(valueYen, perfectValueYen);
    }

    /** The energy's value (day-ahead and intraday) over the hindsight LP's; NaN when that earns nothing. */
    public double energyCaptureRatio() {
        return ratio(value.energyYen(), perfect.energyYen());
    }

    /** The reserve's value over the hindsight LP's; NaN when that earns nothing. */
    public double reserveCaptureRatio() {
        return ratio(value.reserveYen(), perfect.reserveYen());
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    /**
     * @param gateMs   per reserve product of {@code problem} and period, when its offer closes (epoch ms;
     *                 {@link Long#MAX_VALUE}: not offered), as {@link MarketOffers#gates}
     * @param intraday the intraday prices; null to hold every position
     */
    public static GateClosureDispatch of(
            DispatchProblem problem, long[][] gateMs, IntradayPrices intraday, PriceForecast forecast, Solver solver) {
        DispatchProblem truth = withoutFreeDemand(problem);
        if (truth.demand() != null) {
            throw new BadInputException("trading at gate closure needs a site without demand charges (a grid "
                    + "battery): a month's peak does not split into days");
        }
        if (truth.storage() == null || 86_400_000 % truth.periodMs() != 0) {
            throw new BadInputException("trading at gate closure needs a battery and an LP period that divides a day");
        }
        int n = truth.periods();
        if (intraday != null && intraday.intradayYenPerKwh().length != n) {
            throw new IllegalArgumentException("intraday prices need one value per period");
        }
        if (gateMs.length != truth.reserves().size() || Arrays.stream(gateMs).anyMatch(g -> g.length != n)) {
            throw new IllegalArgumentException("gates need one row per reserve product, one value per period");
        }
        int perDay = (int) (86_400_000 / truth.periodMs());
        for (ReserveMarket r : truth.reserves()) {
            if (perDay % r.blockPeriods() != 0) {
                throw new BadInputException(r.product() + "'s blocks do not divide a day");
            }
        }
        double h = truth.periodHours();
        double[] spread = new double[n]; // intraday less day-ahead where intraday traded, else 0
        if (intraday != null) {
            for (int t = 0; t < n; t++) {
                spread[t] = intraday.traded(t) ? intraday.spreadYenPerKwh(t) : 0;
            }
        }
        double without;
        try (DispatchModel m = new DispatchModel(truth.withoutBattery(), solver, false)) {
            without = m.solve().costs().objectiveYen();
        }
        DispatchSolution best;
        try (DispatchModel m = new DispatchModel(truth, solver, false)) {
            best = m.solve();
        }
        double perfectValue = without - best.costs().objectiveYen();
        Parts perfect = parts(truth, perfectValue, best.offerKw(), 0);

        int products = truth.reserves().size();
        double[][] sold = new double[products][n];
        for (double[] s : sold) {
            Arrays.fill(s, Double.NaN);
        }
        double[] position = new double[n];
        Arrays.fill(position, Double.NaN);
        double[] stored = new double[n];
        double[] grid = new double[n];
        double now = truth.storage().initialKwh();
        double cost = 0;
        double deviationYen = 0;
        boolean perfectly = forecast == PriceForecast.PERFECT;
        int[][] stage = stages(truth, gateMs, perDay);
        int[] sells = new int[(n + perDay - 1) / perDay]; // per day, the end of the offers its gates sell
        for (int[] s : stage) {
            for (int t = 0; t < n; t++) {
                sells[s[t]] = Math.max(sells[s[t]], t + 1); // a weekly gate's: the end of a Friday
            }
        }
        // a perfect trader follows the latest plan with every price known, first the hindsight LP's:
        // its windows end where that plan does, so the offers it sold stay feasible
        double[] planned = best.storedKwh().clone();
        for (int first = 0; first < n; first += perDay) {
            int day = first / perDay;
            int dayEnd = Math.min(first + perDay, n);
            int ahead = perfectly ? dayEnd : Math.min(first + 2 * perDay, n);
            int reach = Math.max(ahead, sells[day]);
            Window w = new Window(truth, forecast, first, now, sold, perDay, solver);
            // 10:00 the day before: D's position on forecast energy and reserve prices
            DispatchSolution dayAhead = w.solve(ahead, terminal(truth, perfectly, planned, ahead), first, first, null);
            for (int t = first; t < dayEnd; t++) {
                position[t] = dayAhead.importKw()[t - first] - dayAhead.exportKw()[t - first];
            }
            // 14:00 the day before: the offers whose gate closes, on forecast reserve prices, D's energy
            // prices known and its position held; a weekly gate's up to the end of the week it sells
            DispatchSolution plan = w.solve(reach, terminal(truth, perfectly, planned, reach), dayEnd, first, position);
            for (int k = 0; k < products; k++) {
                for (int t = first; t < reach; t++) {
                    if (stage[k][t] == day) {
                        sold[k][t] = plan.offerKw()[k][t - first];
                    }
                }
            }
            if (perfectly) {
                System.arraycopy(plan.storedKwh(), 0, planned, first, reach - first);
            }
            if (intraday != null) {
                // the start of D: energy again, the offers sold, deviations where intraday trades
                double[] held = position.clone();
                for (int t = first; t < dayEnd; t++) {
                    if (intraday.traded(t)) {
                        held[t] = Double.NaN;
                    }
                }
                plan = w.solve(ahead, terminal(truth, perfectly, planned, ahead), dayEnd, dayEnd, held);
            }
            for (int t = first; t < dayEnd; t++) {
                int i = t - first;
                double activated = 0;
                for (int k = 0; k < products; k++) {
                    ReserveMarket r = truth.reserves().get(k);
                    activated += r.activationShare() * sold[k][t];
                    cost -= sold[k][t] * (r.priceYenPerKwH()[t] + r.activationShare() * r.activationYenPerKwh()[t]) * h;
                }
                grid[t] = plan.importKw()[i] - plan.exportKw()[i];
                double deviation = spread[t] * (grid[t] - position[t]) * h;
                deviationYen -= deviation;
                cost += (plan.importKw()[i] * truth.importYenPerKwh()[t]
                                        - plan.exportKw()[i] * truth.exportYenPerKwh()[t]
                                        + (plan.dischargeKw()[i] + activated)
                                                * truth.storage().degradationYenPerKwh())
                                * h
                        + deviation;
                stored[t] = plan.storedKwh()[i];
            }
            now = Math.max(0, Math.min(truth.storage().maxKwh(), stored[dayEnd - 1])); // the solver's tolerance
        }
        double valueYen = without - cost;
        return new GateClosureDispatch(
                valueYen,
                perfectValue,
                parts(truth, valueYen, sold, deviationYen),
                perfect,
                sold,
                position,
                grid,
                stored,
                forecast,
                intraday != null);
    }

    /** The stored energy a window ending at {@code end} keeps: the latest perfect plan's, or the battery's floor. */
    private static double terminal(DispatchProblem truth, boolean perfectly, double[] planned, int end) {
        Storage s = truth.storage();
        return perfectly ? Math.max(0, Math.min(s.maxKwh(), planned[end - 1])) : s.terminalMinKwh();
    }

    /**
     * Per product and period, the delivery day whose stages sell its offer: the day after its gate's
     * (gates close after JEPX's 10:00, so that day's energy prices are known), the study's first for
     * a gate before it, its own day where it is not offered.
     */
    private static int[][] stages(DispatchProblem truth, long[][] gateMs, int perDay) {
        int n = truth.periods();
        int[][] out = new int[gateMs.length][n];
        for (int k = 0; k < gateMs.length; k++) {
            for (int t = 0; t < n; t++) {
                int day = t / perDay;
                long gate = gateMs[k][t];
                if (gate == Long.MAX_VALUE) {
                    out[k][t] = day;
                    continue;
                }
                long at = Math.floorDiv(gate - truth.startEpochMs(), truth.periodMs());
                out[k][t] = (int) Math.max(0, Math.min(day, Math.floorDiv(at, perDay) + 1));
            }
        }
        return out;
    }

    /** {@code value} split by market: the reserve's worth of {@code offerKw}, the deviations', the rest day-ahead. */
    private static Parts parts(DispatchProblem truth, double value, double[][] offerKw, double intradayYen) {
        double reserve = 0;
        double wear = truth.storage().degradationYenPerKwh();
        for (int k = 0; k < offerKw.length; k++) {
            ReserveMarket r = truth.reserves().get(k);
            for (int t = 0; t < truth.periods(); t++) {
                reserve += offerKw[k][t]
                        * (r.priceYenPerKwH()[t] + r.activationShare() * (r.activationYenPerKwh()[t] - wear))
                        * truth.periodHours();
            }
        }
        return new Parts(value - reserve - intradayYen, intradayYen, reserve);
    }

    /**
     * A charge that costs nothing whatever the peak (a grid battery's preset: no basic charge, the
     * contract the LP's own) is no demand charge.
     */
    private static DispatchProblem withoutFreeDemand(DispatchProblem p) {
        DemandCharge dc = p.demand();
        if (dc == null
                || Arrays.stream(dc.basicYenPerKwMonth()).anyMatch(b -> b != 0)
                || (dc.mode() == ContractMode.FIXED
                        && Arrays.stream(dc.excessYenPerKw()).anyMatch(e -> e != 0))
                || (dc.mode() == ContractMode.FIXED && dc.forbidExcess())) {
            return p;
        }
        return new DispatchProblem(
                p.startEpochMs(),
                p.periodMs(),
                p.netLoadKw(),
                p.importYenPerKwh(),
                p.exportYenPerKwh(),
                p.exportLimitKw(),
                p.importLimitKw(),
                p.storage(),
                null,
                p.reserves(),
                p.auxiliaryKw(),
                p.heldKwh(),
                p.connectionExportKw());
    }

    /**
     * The LPs of one delivery day: from its start {@code first}, a block boundary, so the window's
     * blocks are the market's; from {@code storedKwh}; the offers sold so far fixed.
     */
    private record Window(
            DispatchProblem truth,
            PriceForecast forecast,
            int first,
            double storedKwh,
            double[][] sold,
            int perDay,
            Solver solver) {
        /**
         * Up to period {@code last}, ending with at least {@code terminalKwh}. Energy prices known
         * before {@code energyKnown}, reserve prices before {@code reserveKnown}, the rest forecast;
         * the grid held at {@code positionKw} where it is a number (null: free).
         */
        DispatchSolution solve(int last, double terminalKwh, int energyKnown, int reserveKnown, double[] positionKw) {
            int length = last - first;
            double[] importPrice = new double[length];
            double[] exportPrice = new double[length];
            forecast.forecast(truth.importYenPerKwh(), energyKnown, perDay, first, importPrice);
            forecast.forecast(truth.exportYenPerKwh(), energyKnown, perDay, first, exportPrice);
            List<ReserveMarket> reserves = new ArrayList<>();
            for (int k = 0; k < truth.reserves().size(); k++) {
                ReserveMarket r = truth.reserves().get(k);
                double[] price = new double[length];
                forecast.forecast(r.priceYenPerKwH(), reserveKnown, perDay, first, price);
                reserves.add(new ReserveMarket(
                        r.product(),
                        r.market(),
                        price,
                        r.durationHours(),
                        r.blockPeriods(),
                        Arrays.copyOfRange(r.maxKw(), first, last),
                        r.activationShare(),
                        Arrays.copyOfRange(r.activationYenPerKwh(), first, last),
                        Arrays.copyOfRange(sold[k], first, last)));
            }
            Storage s = truth.storage().withEnds(storedKwh, terminalKwh);
            DispatchProblem p = new DispatchProblem(
                    truth.startEpochMs() + first * truth.periodMs(),
                    truth.periodMs(),
                    Arrays.copyOfRange(truth.netLoadKw(), first, last),
                    importPrice,
                    exportPrice,
                    Arrays.copyOfRange(truth.exportLimitKw(), first, last),
                    truth.importLimitKw(),
                    s,
                    null,
                    reserves,
                    Arrays.copyOfRange(truth.auxiliaryKw(), first, last),
                    truth.heldKwh() == null ? null : Arrays.copyOfRange(truth.heldKwh(), first, last),
                    truth.connectionExportKw(),
                    positionKw == null ? null : Arrays.copyOfRange(positionKw, first, last));
            try (DispatchModel m = new DispatchModel(p, solver, false)) {
                return m.solve();
            }
        }
    }
}

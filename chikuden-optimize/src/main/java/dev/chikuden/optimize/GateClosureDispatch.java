package dev.chikuden.optimize;

import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trading as the markets' gates allow, day by day, against the hindsight of one LP over the study.
 * For each delivery day D: at the balancing market's gate closure (14:00 the day before) the
 * battery offers D's blocks on forecast reserve prices, knowing D's energy prices (JEPX's day-ahead
 * auction cleared at 10:00); the offers are then sold at the prices the market clears (a price
 * taker). At the start of D the energy is re-decided at D's known prices with the sold offers fixed,
 * looking a day ahead on forecasts. What the stitched days earn at the actual prices, over what the
 * LP of the whole study earns with every price known, is the value captured.
 *
 * <p>The site's load and the activation prices (registered by the provider) are taken as known.
 * A site with demand charges is not traded this way: a month's peak does not split into days.
 *
 * @param valueYen        what the stitched days earn against the site without battery, at actual prices
 * @param perfectValueYen what the LP of the whole study earns with every price known
 * @param soldKw          the offer sold per product and period
 * @param storedKwh       the stored energy at the end of each period of the stitched days
 */
public record GateClosureDispatch(
        double valueYen, double perfectValueYen, double[][] soldKw, double[] storedKwh, PriceForecast forecast) {
    /** Value captured over perfect foresight (at most 1 up to the solver's tolerance). */
    public double captureRatio() {
        return perfectValueYen > 0 ? valueYen / perfectValueYen : Double.NaN;
    }

    public static GateClosureDispatch of(DispatchProblem truth, PriceForecast forecast, Solver solver) {
        if (truth.demand() != null) {
            throw new BadInputException("trading at gate closure needs a site without demand charges (a grid "
                    + "battery): a month's peak does not split into days");
        }
        if (truth.storage() == null || 86_400_000 % truth.periodMs() != 0) {
            throw new BadInputException("trading at gate closure needs a battery and an LP period that divides a day");
        }
        int n = truth.periods();
        int perDay = (int) (86_400_000 / truth.periodMs());
        for (ReserveMarket r : truth.reserves()) {
            if (perDay % r.blockPeriods() != 0) {
                throw new BadInputException(r.product() + "'s blocks do not divide a day");
            }
        }
        double perfect;
        double without;
        try (DispatchModel m = new DispatchModel(truth, solver, false)) {
            perfect = m.solve().costs().objectiveYen();
        }
        try (DispatchModel m = new DispatchModel(truth.withoutBattery(), solver, false)) {
            without = m.solve().costs().objectiveYen();
        }
        int products = truth.reserves().size();
        double[][] sold = new double[products][n];
        for (double[] s : sold) {
            Arrays.fill(s, Double.NaN);
        }
        double[] stored = new double[n];
        double now = truth.storage().initialKwh();
        double cost = 0;
        double h = truth.periodHours();
        for (int first = 0; first < n; first += perDay) {
            int day = Math.min(perDay, n - first);
            int window = Math.min(2 * perDay, n - first);
            int dayEnd = first + day;
            // at the gate: energy of D known, reserve prices of D forecast
            DispatchSolution offer = solve(truth, forecast, first, window, dayEnd, first, now, sold, perDay, solver);
            for (int k = 0; k < products; k++) {
                for (int t = first; t < dayEnd; t++) {
                    sold[k][t] = offer.offerKw()[k][t - first];
                }
            }
            // at the start of D: energy again, the sold offers fixed
            DispatchSolution plan = solve(truth, forecast, first, window, dayEnd, dayEnd, now, sold, perDay, solver);
            for (int t = first; t < dayEnd; t++) {
                int i = t - first;
                double activated = 0;
                for (int k = 0; k < products; k++) {
                    ReserveMarket r = truth.reserves().get(k);
                    activated += r.activationShare() * sold[k][t];
                    cost -= sold[k][t] * (r.priceYenPerKwH()[t] + r.activationShare() * r.activationYenPerKwh()[t]) * h;
                }
                cost += (plan.importKw()[i] * truth.importYenPerKwh()[t]
                                - plan.exportKw()[i] * truth.exportYenPerKwh()[t]
                                + (plan.dischargeKw()[i] + activated)
                                        * truth.storage().degradationYenPerKwh())
                        * h;
                stored[t] = plan.storedKwh()[i];
            }
            now = Math.max(0, Math.min(truth.storage().maxKwh(), stored[dayEnd - 1])); // the solver's tolerance
        }
        return new GateClosureDispatch(without - cost, without - perfect, sold, stored, forecast);
    }

    /**
     * The LP of {@code window} periods from {@code first}: energy prices known before {@code
     * energyKnown}, reserve prices before {@code reserveKnown}, the rest forecast; offers sold so far fixed.
     */
    private static DispatchSolution solve(
            DispatchProblem truth,
            PriceForecast forecast,
            int first,
            int window,
            int energyKnown,
            int reserveKnown,
            double storedKwh,
            double[][] sold,
            int perDay,
            Solver solver) {
        int last = first + window;
        double[] importPrice = new double[window];
        double[] exportPrice = new double[window];
        forecast.forecast(truth.importYenPerKwh(), energyKnown, perDay, first, importPrice);
        forecast.forecast(truth.exportYenPerKwh(), energyKnown, perDay, first, exportPrice);
        List<ReserveMarket> reserves = new ArrayList<>();
        for (int k = 0; k < truth.reserves().size(); k++) {
            ReserveMarket r = truth.reserves().get(k);
            double[] price = new double[window];
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
        Storage s = truth.storage().withEnds(storedKwh, truth.storage().terminalMinKwh());
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
                truth.connectionExportKw());
        try (DispatchModel m = new DispatchModel(p, solver, true)) {
            return m.solve();
        }
    }
}

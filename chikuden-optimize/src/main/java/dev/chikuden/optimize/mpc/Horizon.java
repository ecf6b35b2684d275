package dev.chikuden.optimize.mpc;

import dev.chikuden.control.PriceSignals;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import dev.chikuden.optimize.PriceForecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the dispatch problem of one MPC horizon out of the study's problem (the truth). Every cut
 * has the same shape, so one reusable model serves every replan: {@code periods} periods, two
 * billing months (a horizon of at most 14 days touches no more), the truth's demand slot and mode.
 *
 * <p>What the MPC knows: the forecast net load; the tariff's prices, known ahead, except that
 * market-linked energy prices are known only as far as JEPX has published them ({@code
 * energyKnown}) and forecast beyond; the battery's actual stored energy; the demand each month has
 * already reached (a peak floor: only raising it costs). Balancing offers already sold at their
 * gate are fixed; the others are open, at forecast prices. A capacity contract's energy is held as
 * in the LP of the whole study. Every horizon starts on a balancing block's boundary, so the cut's
 * blocks are the market's.
 *
 * <p>Past the end of the study the horizon is padded with idle periods: no load, no export, and an
 * import price above what any kWh inside the horizon can cost (energy and demand charges), so the
 * battery cannot profitably move energy there and the terminal target binds at the study's end, as
 * in the LP of the whole study. (Repeating the last day instead let the plan leave the study with an
 * empty battery, to refill it in the copy: a saving that is not there.)
 *
 * <p>Demand: a fixed contract stays that contract, its excess priced even where the study forbids
 * it (a forecast may not fit under it; a demand limiter above holds it); a contract the LP chooses
 * is chosen again, above every peak reached so far in the study, each kW more at every month's
 * basic charge; a ratchet's contract starts from the peaks of the eleven months before, the study's and the
 * history's the bill takes. A month counts only when
 * the horizon reaches it. Demand slots are counted from the horizon's start, which is exact when
 * replans fall on slot boundaries (a 30-minute LP period, or replans every whole slot).
 */
final class Horizon {
    private final DispatchProblem truth;
    private final int periods;
    /** Prices signalled from outside the site file; none unless {@link #signals} was given some. */
    private PriceSignals signals = new PriceSignals();

    /** How unpublished prices are forecast; null: every price is known (the bound). */
    private final PriceForecast prices;

    private final int perDay;
    /**
     * Per product of the truth, the cleared prices its forecast learns from: every delivery period's
     * rules of the same offer together (a product whose blocks changed on 2026-03-14 keeps its history).
     */
    private final double[][] history;

    Horizon(DispatchProblem truth, int periods, PriceForecast prices) {
        if (periods < 1 || truth.storage() == null) {
            throw new IllegalArgumentException("a horizon needs at least one period and a battery");
        }
        this.truth = truth;
        this.periods = periods;
        this.prices = prices == PriceForecast.PERFECT ? null : prices;
        this.perDay = (int) Math.max(1, 86_400_000 / truth.periodMs());
        this.history = history(truth.reserves());
    }

    private static double[][] history(List<ReserveMarket> reserves) {
        double[][] out = new double[reserves.size()][];
        for (int k = 0; k < out.length; k++) {
            ReserveMarket r = reserves.get(k);
            double[] merged = r.priceYenPerKwH().clone();
            for (ReserveMarket other : reserves) {
                if (other != r
                        && other.product().equals(r.product())
                        && other.market().equals(r.market())) {
                    for (int t = 0; t < merged.length; t++) {
                        if (other.maxKw()[t] > 0) {
                            merged[t] = other.priceYenPerKwH()[t];
                        }
                    }
                }
            }
            out[k] = merged;
        }
        return out;
    }

    /** Plans with {@code signals} over their intervals from the next horizon on. */
    void signals(PriceSignals signals) {
        this.signals = signals;
    }

    /** A horizon knowing every price. */
    Horizon(DispatchProblem truth, int periods) {
        this(truth, periods, null);
    }

    /**
     * The problem of the horizon starting at period {@code first}.
     *
     * @param storedKwh   the battery's stored energy now
     * @param monthPeakKw the demand reached so far in each month of the truth
     */
    DispatchProblem at(int first, Forecaster forecaster, double storedKwh, double[] monthPeakKw) {
        return at(first, forecaster, storedKwh, monthPeakKw, truth.periods(), null);
    }

    /**
     * The problem of the horizon starting at period {@code first}, trading energy and balancing.
     *
     * @param energyKnown the first period whose energy price is not published yet
     * @param soldKw      per product of the truth and period of the study: the offer sold, NaN while
     *                    open; null: nothing sold yet
     */
    DispatchProblem at(
            int first,
            Forecaster forecaster,
            double storedKwh,
            double[] monthPeakKw,
            int energyKnown,
            double[][] soldKw) {
        int known = Math.min(periods, truth.periods() - first);
        double[] net = new double[periods];
        forecaster.forecast(truth.netLoadKw(), first, net, known);
        double[] importPrice = price(truth.importYenPerKwh(), first, known, energyKnown);
        for (int i = 0; i < known; i++) {
            // a price signalled from outside (a fleet's OpenADR PRICE event) replaces the tariff's import price
            double signalled = signals.yenPerKwhAt(truth.startEpochMs() + (first + i) * truth.periodMs());
            if (!Double.isNaN(signalled)) {
                importPrice[i] = signalled;
            }
        }
        double[] exportPrice = price(truth.exportYenPerKwh(), first, known, energyKnown);
        double[] exportLimit = new double[periods];
        double[] aux = new double[periods];
        double[] held = truth.heldKwh() == null ? null : new double[periods];
        DemandCharge demand = demand(first, monthPeakKw);
        for (int i = 0; i < known; i++) {
            int t = first + i;
            if (held != null) {
                held[i] = truth.heldKwh(t);
            }
            // the truth's convention (SiteDispatch): unlimited where exports are sold, else only a surplus
            exportLimit[i] =
                    Double.isInfinite(truth.exportLimitKw()[t]) ? Double.POSITIVE_INFINITY : Math.max(0, -net[i]);
            aux[i] = truth.auxiliaryKw()[t];
        }
        if (known < periods) {
            Arrays.fill(importPrice, known, periods, padYenPerKwh(importPrice, exportPrice, known, demand));
        }
        return new DispatchProblem(
                truth.startEpochMs() + first * truth.periodMs(),
                truth.periodMs(),
                net,
                importPrice,
                exportPrice,
                exportLimit,
                truth.importLimitKw(),
                storage(Math.max(storedKwh, soldCoverKwh(first, soldKw))),
                demand,
                reserves(first, known, soldKw),
                aux,
                held,
                truth.connectionExportKw());
    }

    /**
     * The stored energy the offers sold for period {@code first} need at its start: the floor and
     * every offer for its duration. A battery that fell short of it in the simulation is planned
     * from it (else no plan exists); the ledger books the shortfall as offers not honoured.
     */
    private double soldCoverKwh(int first, double[][] soldKw) {
        double need = 0;
        for (int k = 0; soldKw != null && k < soldKw.length; k++) {
            double kw = soldKw[k][first];
            if (!Double.isNaN(kw)) {
                need += kw
                        * truth.reserves().get(k).durationHours()
                        / truth.storage().dischargeEfficiency();
            }
        }
        return need > 0 ? truth.storage().floorKwh() + need : 0;
    }

    /** {@code series} from {@code first} over the horizon: the truth before {@code published}, else forecast. */
    private double[] price(double[] series, int first, int known, int published) {
        double[] out = new double[periods];
        if (prices == null || first + known <= published) {
            System.arraycopy(series, first, out, 0, known);
        } else {
            double[] cut = new double[known];
            prices.forecast(series, published, perDay, first, cut);
            System.arraycopy(cut, 0, out, 0, known);
        }
        return out;
    }

    /**
     * The truth's balancing products over the horizon: sold offers fixed, open ones at prices
     * forecast from those cleared before {@code first} (none offered past the study's end).
     */
    private List<ReserveMarket> reserves(int first, int known, double[][] soldKw) {
        List<ReserveMarket> out = new ArrayList<>();
        for (int k = 0; k < truth.reserves().size(); k++) {
            ReserveMarket r = truth.reserves().get(k);
            double[] maxKw = new double[periods];
            double[] activation = new double[periods];
            double[] sold = new double[periods];
            Arrays.fill(sold, Double.NaN);
            System.arraycopy(r.maxKw(), first, maxKw, 0, known);
            System.arraycopy(r.activationYenPerKwh(), first, activation, 0, known);
            if (soldKw != null) {
                System.arraycopy(soldKw[k], first, sold, 0, known);
            }
            out.add(new ReserveMarket(
                    r.product(),
                    r.market(),
                    price(history[k], first, known, first),
                    r.durationHours(),
                    r.blockPeriods(),
                    maxKw,
                    r.activationShare(),
                    activation,
                    sold));
        }
        return out;
    }

    /**
     * One yen above the most a kWh can cost inside the horizon: its price (or the export it forgoes),
     * and the demand charges of every month on the 30-minute demand it can raise (1 kW per half kWh
     * in a half-hour slot).
     */
    private double padYenPerKwh(double[] importPrice, double[] exportPrice, int known, DemandCharge demand) {
        double most = 0;
        for (int i = 0; i < known; i++) {
            most = Math.max(most, Math.max(importPrice[i], exportPrice[i]));
        }
        if (demand != null) {
            double slotHours = demand.periodsPerSlot() * truth.periodHours();
            for (int m = 0; m < demand.months(); m++) {
                most += (demand.basicYenPerKwMonth()[m] + demand.excessYenPerKw()[m]) / slotHours;
            }
        }
        return most + 1;
    }

    /**
     * The truth's battery from {@code storedKwh} (held inside the LP's window), its terminal target
     * lowered to what charging at full power over the horizon can reach, so a replan is never infeasible.
     */
    private Storage storage(double storedKwh) {
        Storage s = truth.storage();
        double initial = Math.max(s.floorKwh(), Math.min(s.maxKwh(), storedKwh));
        double reachable = initial + s.chargeKw() * s.chargeEfficiency() * periods * truth.periodHours();
        return s.withEnds(initial, Math.min(s.terminalMinKwh(), reachable));
    }

    private DemandCharge demand(int first, double[] monthPeakKw) {
        DemandCharge dc = truth.demand();
        if (dc == null) {
            return null;
        }
        int[] of = dc.monthOfPeriod();
        int month = of[first];
        int[] monthOf = new int[periods];
        for (int i = 0; i < periods; i++) {
            int t = first + i;
            monthOf[i] = (t < of.length ? of[t] : of[of.length - 1]) - month;
        }
        boolean reachesNext = monthOf[periods - 1] > 0;
        double[] basic = {dc.basicYenPerKwMonth()[month], reachesNext ? dc.basicYenPerKwMonth()[month + 1] : 0};
        double[] excess = {dc.excessYenPerKw()[month], reachesNext ? dc.excessYenPerKw()[month + 1] : 0};
        if (dc.mode() == ContractMode.OPTIMISED) {
            // grid.contract: auto signs one contract for the whole study at its largest peak: a kW above
            // the largest demand reached so far costs every month's basic charge
            double allMonths = 0;
            for (double b : dc.basicYenPerKwMonth()) {
                allMonths += b;
            }
            double reached = 0;
            for (int m = 0; m <= month; m++) {
                reached = Math.max(reached, monthPeakKw[m]);
            }
            return new DemandCharge(
                    dc.periodsPerSlot(),
                    monthOf,
                    new double[] {allMonths, 0},
                    excess,
                    ContractMode.OPTIMISED,
                    0,
                    new double[] {reached, reached},
                    dc.forbidExcess());
        }
        double[] floor = {monthPeakKw[month], 0};
        if (dc.mode() == ContractMode.RATCHET) {
            // each month's contract holds the history's months among its 12 and the study's before the horizon
            double[] ratchet = new double[2];
            for (int h = 0; h < 2 && month + h < dc.months(); h++) {
                ratchet[h] = dc.ratchetFloorKw()[month + h];
                for (int m = Math.max(0, month + h - 11); m < month; m++) {
                    ratchet[h] = Math.max(ratchet[h], monthPeakKw[m]);
                }
            }
            return new DemandCharge(
                    dc.periodsPerSlot(), monthOf, basic, excess, ContractMode.RATCHET, 0, floor, false, ratchet);
        }
        // a forecast may not fit under a fixed contract: the plan pays the excess, the limiter above holds it
        return new DemandCharge(dc.periodsPerSlot(), monthOf, basic, excess, dc.mode(), dc.contractKw(), floor, false);
    }
}

package dev.chikuden.optimize.mpc;

import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.Arrays;

/**
 * Cuts the dispatch problem of one MPC horizon out of the study's problem (the truth). Every cut
 * has the same shape, so one reusable model serves every replan: {@code periods} periods, two
 * billing months (a horizon of at most 14 days touches no more), the truth's demand slot and mode.
 *
 * <p>What the MPC knows: the forecast net load; the true prices (a tariff's are known ahead); the
 * battery's actual stored energy; the demand each month has already reached (a peak floor: only
 * raising it costs). The reserve market is left out: the simulation does not trade it.
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
 * basic charge; a ratchet's contract starts from the peaks of the eleven months before. A month counts only when
 * the horizon reaches it. Demand slots are counted from the horizon's start, which is exact when
 * replans fall on slot boundaries (a 30-minute LP period, or replans every whole slot).
 */
final class Horizon {
    private final DispatchProblem truth;
    private final int periods;

    Horizon(DispatchProblem truth, int periods) {
        if (periods < 1 || truth.storage() == null) {
            throw new IllegalArgumentException("a horizon needs at least one period and a battery");
        }
        this.truth = truth;
        this.periods = periods;
    }

    /**
     * The problem of the horizon starting at period {@code first}.
     *
     * @param storedKwh   the battery's stored energy now
     * @param monthPeakKw the demand reached so far in each month of the truth
     */
    DispatchProblem at(int first, Forecaster forecaster, double storedKwh, double[] monthPeakKw) {
        int known = Math.min(periods, truth.periods() - first);
        double[] net = new double[periods];
        forecaster.forecast(truth.netLoadKw(), first, net, known);
        double[] importPrice = new double[periods];
        double[] exportPrice = new double[periods];
        double[] exportLimit = new double[periods];
        double[] aux = new double[periods];
        DemandCharge demand = demand(first, monthPeakKw);
        for (int i = 0; i < known; i++) {
            int t = first + i;
            importPrice[i] = truth.importYenPerKwh()[t];
            exportPrice[i] = truth.exportYenPerKwh()[t];
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
                storage(storedKwh),
                demand,
                java.util.List.of(),
                aux,
                null,
                truth.connectionExportKw());
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
        double contract = dc.contractKw();
        double[] floor = {monthPeakKw[month], 0};
        if (dc.mode() == ContractMode.RATCHET) {
            for (int m = Math.max(0, month - 11); m < month; m++) {
                contract = Math.max(contract, monthPeakKw[m]);
            }
        }
        // a forecast may not fit under a fixed contract: the plan pays the excess, the limiter above holds it
        return new DemandCharge(dc.periodsPerSlot(), monthOf, basic, excess, dc.mode(), contract, floor, false);
    }
}

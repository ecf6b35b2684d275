package dev.chikuden.optimize.sizing;

import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.optimize.Delivery;

/**
 * One battery size of a sweep: its LP dispatch, and its business case twice, on the LP's saving
 * (a bound) and on what the plan delivered through the battery model. Money is yen; every figure
 * but the size is NaN (the values null) when the size is {@link #feasible() infeasible}.
 *
 * @param powerKw            discharge rating (the charge rating scales with it)
 * @param energyKwh          nameplate energy
 * @param billYen            the LP's bill with this size over the LP's horizon (the study's first year)
 * @param reserveRevenueYen  reserve capacity sold over the LP's horizon
 * @param annualDischargeKwh energy discharged (AC) a year by the plan
 * @param contractKw         the largest contract kW of any month of the plan
 * @param capacityKw         the kW the capacity market (or a long-term auction) pays for; NaN without either
 * @param capexYen           installed cost
 * @param life               the aging model's projection of the plan's duty
 * @param solveSeconds       the LP's solve time
 * @param lp                 the business case on the LP's saving
 * @param delivered          the business case on the delivered saving; null when this size was not simulated
 * @param delivery           the plan played through the battery model; null when not simulated
 * @param infeasibleReason   why the size could not be dispatched; null when it could
 */
public record Candidate(
        double powerKw,
        double energyKwh,
        double billYen,
        double reserveRevenueYen,
        double annualDischargeKwh,
        double contractKw,
        double capacityKw,
        double capexYen,
        LifeProjection life,
        double solveSeconds,
        Value lp,
        Value delivered,
        Delivery delivery,
        String infeasibleReason) {
    /**
     * A business case.
     *
     * @param annualSavingYen the bill without battery minus the bill with it plus reserve revenue, a
     *                        year's worth (a study shorter than 365 days is scaled up), every year
     * @param npvYen          net present value of the study's cash flows
     * @param irr             internal rate of return, NaN when undefined
     * @param paybackYears    simple payback, +Infinity when never
     * @param discountedPaybackYears discounted payback, +Infinity when never
     * @param lcosYenPerKwh   levelized cost of storage per kWh discharged
     * @param inputs          what the business case was computed from
     * @param businessCase    {@code BusinessCase.of(inputs)}
     */
    public record Value(
            double annualSavingYen,
            double npvYen,
            double irr,
            double paybackYears,
            double discountedPaybackYears,
            double lcosYenPerKwh,
            FinanceInputs inputs,
            BusinessCase businessCase) {
        static Value of(FinanceInputs in) {
            BusinessCase bc = BusinessCase.of(in);
            return new Value(
                    in.annualSavingYen()[0],
                    bc.npvYen(),
                    bc.irr(),
                    bc.simplePaybackYears(),
                    bc.discountedPaybackYears(),
                    bc.lcosYenPerKwh(),
                    in,
                    bc);
        }
    }

    static Candidate infeasible(double powerKw, double energyKwh, String reason) {
        double nan = Double.NaN;
        return new Candidate(powerKw, energyKwh, nan, nan, nan, nan, nan, nan, null, 0, null, null, null, reason);
    }

    public boolean feasible() {
        return infeasibleReason == null;
    }

    /** The business case the ranking uses: the delivered one, or the LP's for a size not simulated. */
    public Value value() {
        return delivered != null ? delivered : lp;
    }

    /** The NPV the ranking uses; NaN when infeasible. */
    public double npvYen() {
        return feasible() ? value().npvYen() : Double.NaN;
    }

    /** Years until the aging model's end of life; +Infinity when not within the study. */
    public double yearsToEndOfLife() {
        return life == null ? Double.NaN : life.yearsToEndOfLife();
    }

    /** Hours of discharge at the rated power: nameplate energy over power. */
    public double durationHours() {
        return energyKwh / powerKw;
    }

    Candidate withDelivered(Value value, Delivery d) {
        return new Candidate(
                powerKw,
                energyKwh,
                billYen,
                reserveRevenueYen,
                annualDischargeKwh,
                contractKw,
                capacityKw,
                capexYen,
                life,
                solveSeconds,
                lp,
                value,
                d,
                infeasibleReason);
    }
}

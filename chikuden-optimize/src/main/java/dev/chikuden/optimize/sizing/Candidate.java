package dev.chikuden.optimize.sizing;

import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;

/**
 * One battery size of a sweep and its business case. Money is yen; every figure but the size is
 * NaN (and {@code inputs}, {@code businessCase} null) when the size is {@link #feasible() infeasible}.
 *
 * @param powerKw            discharge rating (the charge rating scales with it)
 * @param energyKwh          nameplate energy
 * @param annualSavingYen    the baseline's bill minus this size's bill plus its reserve revenue, a
 *                           year's worth (a study shorter than 365 days is scaled up), every year
 * @param billYen            the site's bill with this size over the LP's horizon (the study's first year)
 * @param reserveRevenueYen  reserve capacity sold over the LP's horizon
 * @param annualDischargeKwh energy discharged (AC) a year
 * @param contractKw         the largest contract kW of any month with this size
 * @param capexYen           installed cost
 * @param npvYen             net present value of the study's cash flows
 * @param irr                internal rate of return, NaN when undefined
 * @param paybackYears       simple payback, +Infinity when never
 * @param discountedPaybackYears discounted payback, +Infinity when never
 * @param lcosYenPerKwh      levelized cost of storage per kWh discharged
 * @param life               the aging model's projection of this size's duty
 * @param solveSeconds       the LP's solve time
 * @param inputs             what the business case was computed from
 * @param businessCase       {@code BusinessCase.of(inputs)}
 * @param infeasibleReason   why the size could not be dispatched; null when it could
 */
public record Candidate(double powerKw, double energyKwh, double annualSavingYen, double billYen,
                        double reserveRevenueYen, double annualDischargeKwh, double contractKw, double capexYen,
                        double npvYen, double irr, double paybackYears, double discountedPaybackYears,
                        double lcosYenPerKwh, LifeProjection life, double solveSeconds, FinanceInputs inputs,
                        BusinessCase businessCase, String infeasibleReason) {

    static Candidate infeasible(double powerKw, double energyKwh, String reason) {
        double nan = Double.NaN;
        return new Candidate(powerKw, energyKwh, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, null, 0,
                null, null, reason);
    }

    public boolean feasible() {
        return infeasibleReason == null;
    }

    /** Years until the aging model's end of life; +Infinity when not within the study. */
    public double yearsToEndOfLife() {
        return life == null ? Double.NaN : life.yearsToEndOfLife();
    }

    /** Hours of discharge at the rated power: nameplate energy over power. */
    public double durationHours() {
        return energyKwh / powerKw;
    }
}

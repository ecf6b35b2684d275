package dev.chikuden.finance;

/**
 * A battery's business case: the yearly cash flows a simulation implies and the figures a
 * management report asks for.
 *
 * <p>Cash flow of year 0 is -capex; of year k, the saving minus fixed O&M minus the cells bought
 * that year, plus the salvage in the last year. The cost of charging is not subtracted: the saving
 * (a bill difference) already pays for it.
 *
 * <p>The levelized cost of storage follows the standard definition (Lazard's LCOS; Schmidt et al.,
 * "Projecting the future levelized cost of electricity storage technologies", Joule 3, 2019): all
 * lifetime costs over all energy discharged, both discounted at the same rate,
 * <pre>
 *   LCOS = (capex + PV(O&M) + PV(replacement) + PV(charging cost) - PV(salvage)) / PV(discharged kWh)
 * </pre>
 * with flows at the end of each year (Schmidt et al. discount the end-of-life value one year after
 * the last; here it falls in the last year, as in the cash flows). NaN when nothing is discharged.
 *
 * @param capexYen               installed cost, paid in year 0
 * @param cashFlowYen            years 0..years
 * @param npvYen                 net present value at the inputs' discount rate
 * @param irr                    internal rate of return, NaN when undefined
 * @param simplePaybackYears     +Infinity when never paid back
 * @param discountedPaybackYears +Infinity when never paid back
 * @param lcosYenPerKwh          levelized cost of storage per kWh discharged
 */
public record BusinessCase(
        double capexYen,
        double[] cashFlowYen,
        double npvYen,
        double irr,
        double simplePaybackYears,
        double discountedPaybackYears,
        double lcosYenPerKwh) {
    public BusinessCase {
        if (cashFlowYen == null || cashFlowYen.length == 0) {
            throw new IllegalArgumentException("cashFlowYen must hold year 0 at least");
        }
        cashFlowYen = cashFlowYen.clone();
    }

    /** Builds the cash flows of the inputs and measures them. */
    public static BusinessCase of(FinanceInputs in) {
        int years = in.years();
        double capex = in.capexYen();
        double om = in.annualOmYen();
        double salvage = in.salvageFraction() * capex;
        double[] saving = in.annualSavingYen();
        double[] cells = in.replacementKwhByYear();
        double[] chargeCost = in.annualChargeCostYen();
        double[] discharged = in.annualDischargeKwh();

        double[] flows = new double[years + 1];
        flows[0] = -capex;
        double v = 1.0 / (1.0 + in.discountRate());
        double factor = 1;
        double pvCost = capex;
        double pvEnergy = 0;
        for (int k = 1; k <= years; k++) {
            factor *= v;
            double replacement = in.replacementYenPerKwh() * cells[k - 1];
            double endOfLife = k == years ? salvage : 0;
            flows[k] = saving[k - 1] - om - replacement + endOfLife;
            pvCost += (om + replacement + chargeCost[k - 1] - endOfLife) * factor;
            pvEnergy += discharged[k - 1] * factor;
        }
        double lcos = pvEnergy > 0 ? pvCost / pvEnergy : Double.NaN;
        double rate = in.discountRate();
        return new BusinessCase(
                capex,
                flows,
                CashFlows.npv(rate, flows),
                CashFlows.irr(flows),
                CashFlows.simplePaybackYears(flows),
                CashFlows.discountedPaybackYears(rate, flows),
                lcos);
    }

    /** Operating years covered. */
    public int years() {
        return cashFlowYen.length - 1;
    }
}

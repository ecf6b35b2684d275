package dev.chikuden.finance;

/**
 * What a battery's business case is made of: its prices, its size, and year by year what a
 * simulation and the aging model say it saves, discharges, pays to charge and buys in new cells.
 * Arrays run over operating years 1..{@code years} (index 0 is year 1). Fail-fast validation:
 * a wrong length or a NaN would otherwise turn into a plausible but wrong NPV.
 *
 * @param capexYenPerKwh       installed cost per kWh of nameplate energy
 * @param capexYenPerKw        installed cost per kW of power (inverter, grid connection)
 * @param fixedOmYenPerKwYear  fixed operation and maintenance per kW and year
 * @param replacementYenPerKwh cost of new cells per kWh, for augmentation and replacement
 * @param discountRate         a fraction a year (0.05 = 5 %), above -1; real or nominal as the
 *                             savings are
 * @param years                operating years, at least 1
 * @param energyKwh            nameplate energy
 * @param powerKw              nameplate power
 * @param annualSavingYen      the site's bill (and market revenue) without the battery minus with
 *                             it, before O&M; the cost of charging energy is already inside it
 * @param annualDischargeKwh   energy discharged, at least 0
 * @param annualChargeCostYen  cost of the energy charged, used only by the LCOS; may be zeros
 * @param replacementKwhByYear kWh of cells bought (augmentation, replacement), at least 0
 * @param salvageFraction      share of the capex recovered at the end of the last year, 0..1
 */
public record FinanceInputs(
        double capexYenPerKwh,
        double capexYenPerKw,
        double fixedOmYenPerKwYear,
        double replacementYenPerKwh,
        double discountRate,
        int years,
        double energyKwh,
        double powerKw,
        double[] annualSavingYen,
        double[] annualDischargeKwh,
        double[] annualChargeCostYen,
        double[] replacementKwhByYear,
        double salvageFraction) {
    public FinanceInputs {
        nonNegative("capexYenPerKwh", capexYenPerKwh);
        nonNegative("capexYenPerKw", capexYenPerKw);
        nonNegative("fixedOmYenPerKwYear", fixedOmYenPerKwYear);
        nonNegative("replacementYenPerKwh", replacementYenPerKwh);
        if (!(discountRate > -1) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discountRate " + discountRate + " must be a finite number above -1");
        }
        if (years < 1) {
            throw new IllegalArgumentException("years " + years + " must be at least 1");
        }
        nonNegative("energyKwh", energyKwh);
        nonNegative("powerKw", powerKw);
        if (!(salvageFraction >= 0 && salvageFraction <= 1)) {
            throw new IllegalArgumentException("salvageFraction " + salvageFraction + " must be between 0 and 1");
        }
        annualSavingYen = byYear("annualSavingYen", annualSavingYen, years, false);
        annualDischargeKwh = byYear("annualDischargeKwh", annualDischargeKwh, years, true);
        annualChargeCostYen = byYear("annualChargeCostYen", annualChargeCostYen, years, false);
        replacementKwhByYear = byYear("replacementKwhByYear", replacementKwhByYear, years, true);
    }

    /** Installed cost: energy and power parts. */
    public double capexYen() {
        return capexYenPerKwh * energyKwh + capexYenPerKw * powerKw;
    }

    /** Fixed O&M, the same every year. */
    public double annualOmYen() {
        return fixedOmYenPerKwYear * powerKw;
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " " + value + " must be a finite number of at least 0");
        }
    }

    /** A defensive copy, so that the case cannot change after it was checked. */
    private static double[] byYear(String field, double[] values, int years, boolean nonNegative) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is missing (null); expected " + years + " values, one a year");
        }
        if (values.length != years) {
            throw new IllegalArgumentException(
                    field + " has " + values.length + " values; expected " + years + ", one for each operating year");
        }
        for (int i = 0; i < years; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || (nonNegative && v < 0)) {
                throw new IllegalArgumentException(field + " of year " + (i + 1) + " is " + v
                        + "; expected a finite number" + (nonNegative ? " of at least 0" : ""));
            }
        }
        return values.clone();
    }
}

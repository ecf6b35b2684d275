package dev.chikuden.site;

/**
 * The planning economics of a site: how the dispatch is optimised, what the battery costs, which
 * sizes to try and which outages to survive. Every part is optional in the site file.
 *
 * @param optimize the dispatch LP's settings (defaults when the section is absent)
 * @param finance  null when not given (sizing and the business case need it)
 * @param sizing   null when not given
 * @param outage   null when not given
 * @param markets  the markets beside energy; {@link MarketsSpec#NONE} when not given
 */
public record PlanningSpec(
        OptimizeSpec optimize, FinanceSpec finance, SizingSpec sizing, OutageSpec outage, MarketsSpec markets) {
    public static final PlanningSpec DEFAULT =
            new PlanningSpec(OptimizeSpec.DEFAULT, null, null, null, MarketsSpec.NONE);

    /**
     * @param periodMs          LP period: 30 or 15 minutes
     * @param solver            highs, clp, cbc or glop
     * @param terminalSoc       SOC the last period ends at or above; NaN: the initial SOC
     * @param degradationYenPerKwh wear per kWh discharged; NaN: derived from the aging model and
     *                          the replacement cost of {@code finance}
     */
    public record OptimizeSpec(long periodMs, String solver, double terminalSoc, double degradationYenPerKwh) {
        public static final OptimizeSpec DEFAULT = new OptimizeSpec(1_800_000, "highs", Double.NaN, Double.NaN);
    }

    /**
     * What the battery costs over its life.
     *
     * @param replacementYenPerKwh cells bought later (augmentation, replacement), per kWh
     * @param discountRate         real, per year
     * @param salvageFraction      share of the capex recovered after the last year
     */
    public record FinanceSpec(
            double capexYenPerKwh,
            double capexYenPerKw,
            double fixedOmYenPerKwYear,
            double replacementYenPerKwh,
            double discountRate,
            int years,
            double salvageFraction) {}

    /** The battery sizes to compare: every power with every energy. */
    public record SizingSpec(double[] powerKw, double[] energyKwh) {}

    /**
     * @param criticalLoadKw the load the battery must carry through an outage
     * @param hours          outage lengths to report the survival probability of
     */
    public record OutageSpec(double criticalLoadKw, double[] hours) {}
}

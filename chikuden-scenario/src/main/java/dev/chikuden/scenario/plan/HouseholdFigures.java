package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.study.HouseholdStudy;
import dev.chikuden.study.PlanStudy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a home battery with PV is worth: the first year's bill saving split by counterfactuals
 * ({@link HouseholdStudy}), summing exactly to it; the payback; the outage hours covered.
 *
 * @param savingSplit    {@code selfConsumptionYen}, {@code lostExportYen}, {@code touShiftYen}
 * @param pvOnlyBillYen  the bill of the battery storing only PV surplus
 * @param payback        null without a finance section
 * @param capexOverSavingYears the installed cost over the yearly bill saving: the simple payback
 *     even beyond the finance section's years; null without finance or without a saving
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdFigures(
        long billSavingYen,
        Map<String, Long> savingSplit,
        String splitOrder,
        long pvOnlyBillYen,
        PlanBusinessCase payback,
        Double capexOverSavingYears,
        Outage outage) {
    static final String ORDER = "no battery -> the battery storing only PV surplus (self-consumption gain, lost "
            + "export revenue) -> the site's strategy (time-of-use shift)";

    /**
     * @param criticalLoadKw null when the whole load must be carried
     * @param rideThrough    outage length ("12 h") to the share of start times that ride it through
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outage(
            Double criticalLoadKw,
            String criticalLoadBasis,
            double meanHours,
            double minHours,
            Map<String, Double> rideThrough,
            double cappedAtHours) {}

    static HouseholdFigures of(PlanStudy.Result r) {
        PlanStudy.Household h = r.household();
        if (h == null) {
            return null;
        }
        HouseholdStudy.SavingSplit s = h.split();
        Map<String, Long> split = new LinkedHashMap<>();
        split.put("selfConsumptionYen", s.selfConsumptionYen());
        split.put("lostExportYen", s.lostExportYen());
        split.put("touShiftYen", s.touShiftYen());
        HouseholdStudy.OutageCover o = h.outage();
        Map<String, Double> ride = new LinkedHashMap<>();
        for (int i = 0; i < HouseholdStudy.OUTAGE_HOURS.length; i++) {
            ride.put(String.format(Locale.ROOT, "%.0f h", HouseholdStudy.OUTAGE_HOURS[i]), o.rideThrough()[i]);
        }
        double perYear = r.bills().savingPerYearYen();
        PlanBusinessCase payback = PlanBusinessCase.of(r, perYear);
        return new HouseholdFigures(
                s.savingYen(),
                split,
                ORDER,
                s.pvOnlyBillYen(),
                payback,
                payback == null || !(perYear > 0) ? null : payback.capexYen() / perYear,
                new Outage(
                        Double.isNaN(o.criticalLoadKw()) ? null : o.criticalLoadKw(),
                        o.criticalLoadBasis(),
                        o.meanHours(),
                        o.minHours(),
                        ride,
                        o.cappedAtHours()));
    }
}

package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.battery.AugmentationEvent;
import dev.chikuden.battery.BatteryHealth;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.LatencyTolerance;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.study.Saving;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.study.SiteModels;
import dev.chikuden.study.WearPrice;
import dev.chikuden.study.WorstHour;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.trace.TraceInput;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a plan study: the JSON output, the summary file, the table and the report all
 * print this one record, so they cannot disagree. Names are lowerCamelCase with the unit in the
 * name; parts that do not apply (no battery, no tariff) are left out.
 *
 * @param withBattery null for a site without battery (kept in the JSON as {@code null})
 * @param life        the battery's years, end of life and augmentations; null without a battery
 * @param billing     the contract rule, the bill saving and the net saving; null without a tariff
 * @param controlChain the chain the battery's controllers act through, and whether the study simulates it
 * @param gridCodeIdeal the with-battery case's grid-code figures under a chain without latency; null
 *     unless the chain is simulated
 * @param latencyToleratedMs the largest total latency (meter + command delay + converter time
 *     constant) at which every rule passes on {@code worstHour}; null unless the chain is simulated
 * @param worstHour the local hour holding the net load's largest 1-s change, where the latency is
 *     searched
 * @param markets what the strategy sold in the markets beside the bill; null when it trades none
 * @param siteClass what the site is ({@link dev.chikuden.site.SiteClass}); {@code siteClassBasis}
 *     says whether the file gave it or what it was inferred from
 * @param household a household's saving split, payback and outage cover; null for other classes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanFigures(
        String site,
        String siteClass,
        String siteClassBasis,
        String timeZone,
        String start,
        double stepSeconds,
        long steps,
        long stepsSimulated,
        double wallSeconds,
        double stepsPerSecond,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TraceInput> inputs,
        CaseFigures withoutBattery,
        CaseFigures withGpuSmoothing,
        @JsonInclude(JsonInclude.Include.ALWAYS) CaseFigures withBattery,
        @JsonUnwrapped Life life,
        @JsonUnwrapped Billing billing,
        ControlChainFigures controlChain,
        GridCodeFigures gridCodeIdeal,
        Long latencyToleratedMs,
        String worstHour,
        LatencyFigures latencyOnWorstHour,
        MarketFigures markets,
        HouseholdFigures household,
        List<String> configWarnings) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /**
     * The battery's life over the study years.
     *
     * @param endOfLifeYear the first year that ends below the end-of-life SOH; null when none does
     */
    public record Life(
            List<Year> years,
            String agingModel,
            double endOfLifeSoh,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long endOfLifeYear,
            List<Augmentation> augmentations,
            List<String> agingWarnings) {}

    /** One study year of the battery case. */
    public record Year(
            int year,
            double stateOfHealth,
            double equivalentFullCycles,
            double batteryThroughputKwh,
            double batteryLossesKwh,
            double energyImportedKwh,
            double peakDemand30minKw) {}

    /** Cells added to a battery. */
    public record Augmentation(String battery, long year, double day, double addedKwh, double stateOfHealthBefore) {}

    /** How the contract rule was set in the site file. */
    public record ContractRuleFigures(String contract, String exceedance) {}

    /** A ratchet's later years: the battery's own peaks are the 11 months before. */
    public record SteadyState(double contractKw, long billYen, long billSavingYen) {}

    /**
     * The saving explained; the savings are null for a site without battery.
     *
     * @param billSavingByLine line item to yen, summing exactly to {@code billSavingYen}
     * @param netSavingByItem  {@code billSavingYen}, {@code marketRevenueYen}, {@code batteryWearYen}
     * @param yearFrom         how a study shorter than a year was extended ("7 days in August 2025"); null for a year
     * @param ratchetByMonth   the 12-month ratchet month by month; null unless the contract is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Billing(
            ContractRuleFigures contractRule,
            List<String> billWarnings,
            Long billSavingYen,
            Map<String, Long> billSavingByLine,
            Long netSavingYen,
            Map<String, Long> netSavingByItem,
            String wearBasis,
            Double billSavingPerYearYen,
            String yearFrom,
            SteadyState withBatterySteadyState,
            List<RatchetMonth> ratchetByMonth,
            Long savingAtOwnPeaksYen,
            Long contractEffectYen) {}

    public static PlanFigures of(PlanStudy.Result r, List<String> configWarnings) {
        SimulationResult base = r.withoutBattery();
        ZoneId zone = r.site().zone();
        SiteBilling.Bills bills = r.bills();
        String notJudged = notJudged(r.site());
        boolean noLoad = r.site().loads().isEmpty();
        CaseFigures without = CaseFigures.of(base, r.withoutBatteryGridCode(), zone, notJudged, noLoad)
                .withPv(r.pvWithoutBattery());
        CaseFigures gpu = null;
        if (r.gpuSmoothing() != null) {
            var smoothing = r.site().compareGpuSmoothing();
            SimulationResult g = r.gpuSmoothing().result();
            // what the smoothing costs at the grid, facility included
            gpu = CaseFigures.of(g, r.gpuSmoothing().gridCode(), zone, notJudged, noLoad)
                    .withGpuSmoothing(new CaseFigures.GpuSmoothing(
                            smoothing.floorFraction(),
                            smoothing.rampWPerS(),
                            g.gridKpis().energyImportedKwh() - base.gridKpis().energyImportedKwh()));
        }
        CaseFigures with = null;
        Life life = null;
        if (r.withBattery() != null) {
            with = CaseFigures.of(r.withBattery(), r.withBatteryGridCode(), zone, notJudged, noLoad)
                    .withBattery(CaseFigures.Battery.of(r.withBattery(), r.lastWithBattery()))
                    .withPv(r.pvWithBattery());
            life = life(r);
        }
        Billing billing = null;
        MarketFigures markets = null;
        if (bills != null) {
            without = without.withBill(CaseFigures.Billed.of(bills.withoutBattery()));
            with = with == null ? null : with.withBill(CaseFigures.Billed.of(bills.withBattery()));
            if (r.reserveSales() != null && bills.withBattery() != null) {
                double years = base.steps() * base.grid().stepSeconds() / (8760 * 3600.0);
                Map<java.time.YearMonth, Long> byMonth = new java.util.TreeMap<>();
                bills.withoutBattery().bill().months().forEach(m -> byMonth.merge(m.month(), m.totalYen(), Long::sum));
                bills.withBattery().bill().months().forEach(m -> byMonth.merge(m.month(), -m.totalYen(), Long::sum));
                markets = MarketFigures.of(
                        r.reserveSales(), r.site().planning().markets(), bills.savingYen(), byMonth, years);
            }
            billing = billing(r, bills, markets == null ? 0 : markets.marketRevenueYen());
        }
        LatencyTolerance latency = r.latency();
        return new PlanFigures(
                r.site().name(),
                r.siteClass().siteClass().id(),
                r.siteClass().basis(),
                zone.getId(),
                SeriesCsv.formatTime(base.grid().startEpochMs(), zone),
                base.grid().stepSeconds(),
                base.steps(),
                r.stepsSimulated(),
                r.wallSeconds(),
                r.stepsSimulated() / r.wallSeconds(),
                r.site().traceInputs(),
                without,
                gpu,
                with,
                life,
                billing,
                ControlChainFigures.of(r.site()),
                r.idealGridCode() == null ? null : ideal(GridCodeFigures.of(r.idealGridCode()), noLoad),
                latency == null ? null : latency.toleratedMs(),
                latency == null
                        ? null
                        : HOUR.format(
                                Instant.ofEpochMilli(latency.hourStartEpochMs()).atZone(zone)),
                latency == null ? null : LatencyFigures.of(latency, WorstHour.WARM_UP_MS / 1000.0),
                markets,
                HouseholdFigures.of(r),
                configWarnings);
    }

    /** Why no grid-code rule judges the site, should none: as {@link SiteModels#gridCodeRules} chooses them. */
    static String notJudged(SiteConfig site) {
        return site.gridCodeRules() == null
                ? "the shipped rules are written for large AI loads and judge only an ai-campus site; give the "
                        + "connection's own as gridCode.rules"
                : "the rule file " + site.gridCodeRules().getFileName() + " sets no limit";
    }

    private static GridCodeFigures ideal(GridCodeFigures g, boolean noLoad) {
        return noLoad ? g.withoutLoadDrops() : g;
    }

    private static Billing billing(PlanStudy.Result r, SiteBilling.Bills bills, long marketRevenueYen) {
        ContractRule rule = r.site().grid().contract();
        ContractRuleFigures contract = new ContractRuleFigures(
                rule.auto() ? "auto" : "fixed", rule.exceedance().name().toLowerCase(Locale.ROOT));
        if (bills.withBattery() == null) {
            return new Billing(
                    contract, bills.warnings(), null, null, null, null, null, null, null, null, null, null, null);
        }
        Saving s =
                Saving.of(bills, marketRevenueYen, r.withBattery().battery().acDischargedKwh(), WearPrice.of(r.site()));
        SteadyState steady = bills.withBatterySteadyState() == null
                ? null
                : new SteadyState(
                        bills.withBatterySteadyState().contractKw(),
                        bills.withBatterySteadyState().totalYen(),
                        bills.steadyStateSavingYen());
        return new Billing(
                contract,
                bills.warnings(),
                s.billSavingYen(),
                s.billSavingByLine(),
                s.netSavingYen(),
                s.netSavingByItem(),
                s.wearBasis(),
                bills.savingPerYearYen(),
                yearFrom(bills.withoutBattery().bill()),
                steady,
                RatchetMonth.of(bills),
                bills.savingAtOwnPeaksYen(),
                bills.contractEffectYen());
    }

    /** How a study shorter than a year became a year: "7 days in August 2025"; null for a whole year. */
    public static String yearFrom(Bill b) {
        List<MonthlyBill> months = b.months();
        double days = 0;
        for (MonthlyBill m : months) {
            days += m.coveredFraction() * m.month().lengthOfMonth();
        }
        if (days >= 365 - 1e-6) {
            return null;
        }
        String first = months.get(0).month().format(MONTH);
        String last = months.get(months.size() - 1).month().format(MONTH);
        return new DecimalFormat("0.#").format(days) + " days in "
                + (first.equals(last) ? first : first + " to " + last);
    }

    /** Years, end of life and augmentation, from the battery's health after each study year. */
    private static Life life(PlanStudy.Result r) {
        List<Year> years = r.years().stream()
                .map(y -> {
                    SimulationResult w = y.withBattery();
                    return new Year(
                            y.year(),
                            w.health().stateOfHealth(),
                            w.battery().equivalentFullCycles(),
                            w.battery().throughputKwh(),
                            w.battery().lossesKwh(),
                            w.gridKpis().energyImportedKwh(),
                            w.gridKpis().peakDemand30minKw());
                })
                .toList();
        String model = r.site().batteries().stream()
                .filter(b -> b.aging() != null)
                .map(b -> b.aging().create().name())
                .findFirst()
                .orElse(null);
        BatteryHealth end = r.lastWithBattery().health();
        double daysPerYear = r.withoutBattery().grid().durationSeconds() / 86_400;
        double eolSoh = r.site().batteries().stream()
                .mapToDouble(BatteryParameters::endOfLifeSoh)
                .max()
                .orElse(0);
        Long eolYear = Double.isNaN(end.endOfLifeDay())
                ? null
                : (long) Math.max(1, Math.ceil(end.endOfLifeDay() / daysPerYear - 1e-9));
        List<Augmentation> augmentations = end.augmentations().stream()
                .map((AugmentationEvent e) -> new Augmentation(
                        e.battery(),
                        (long) Math.max(1, Math.ceil(e.day() / daysPerYear - 1e-9)),
                        e.day(),
                        e.addedKwh(),
                        e.sohBefore()))
                .toList();
        return new Life(years, model, eolSoh, eolYear, augmentations, end.warnings());
    }
}

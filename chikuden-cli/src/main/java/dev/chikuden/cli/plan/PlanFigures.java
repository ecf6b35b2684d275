package dev.chikuden.cli.plan;

import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.sim.GridKpis;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.study.Saving;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.study.WearPrice;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.tariff.MonthlyBill;
import java.time.format.DateTimeFormatter;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.battery.AugmentationEvent;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.RuleVerdict;
import dev.chikuden.battery.BatteryHealth;
import dev.chikuden.battery.BatteryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a plan study as one ordered tree of names and values: the JSON output, the
 * summary file and the table all print this same tree, so they cannot disagree.
 * Keys are lowerCamelCase with the unit in the name.
 */
public final class PlanFigures {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private PlanFigures() {
    }

    public static Map<String, Object> of(PlanStudy.Result r) {
        Map<String, Object> top = new LinkedHashMap<>();
        SimulationResult base = r.withoutBattery();
        top.put("site", r.site().name());
        top.put("timeZone", r.site().zone().getId());
        top.put("start", SeriesCsv.formatTime(base.grid().startEpochMs(), r.site().zone()));
        top.put("stepSeconds", base.grid().stepSeconds());
        top.put("steps", base.steps());
        top.put("stepsSimulated", r.stepsSimulated());
        top.put("wallSeconds", r.wallSeconds());
        top.put("stepsPerSecond", r.stepsSimulated() / r.wallSeconds());
        Map<String, Object> without = grid(base, r);
        gridCode(without, r.withoutBatteryGridCode());
        top.put("withoutBattery", without);
        if (r.gpuSmoothing() != null) {
            Map<String, Object> gpu = grid(r.gpuSmoothing().result(), r);
            gridCode(gpu, r.gpuSmoothing().gridCode());
            var smoothing = r.site().compareGpuSmoothing();
            gpu.put("gpuFloor", smoothing.floorFraction());
            gpu.put("gpuRampWPerS", smoothing.rampWPerS());
            // what the smoothing costs at the grid, facility included
            gpu.put("extraEnergyKwh", r.gpuSmoothing().result().gridKpis().energyImportedKwh()
                    - base.gridKpis().energyImportedKwh());
            top.put("withGpuSmoothing", gpu);
        }
        if (r.withBattery() != null) {
            Map<String, Object> with = grid(r.withBattery(), r);
            gridCode(with, r.withBatteryGridCode());
            BatteryLedger b = r.withBattery().battery();
            with.put("batteryThroughputKwh", b.throughputKwh());
            with.put("equivalentFullCycles", b.equivalentFullCycles());
            with.put("socMin", r.withBattery().socMin());
            with.put("socMax", r.withBattery().socMax());
            with.put("batteryLossesKwh", b.lossesKwh());
            with.put("batteryChargedKwh", b.acChargedKwh());
            with.put("batteryDischargedKwh", b.acDischargedKwh());
            with.put("batteryConversionLossKwh", b.conversionLossKwh());
            with.put("batteryAuxiliaryKwh", b.auxiliaryKwh());
            with.put("storedEnergyChangeKwh", b.storedEndKwh() - b.storedStartKwh());
            with.put("batteryFadeKwh", b.fadeKwh());
            with.put("stateOfHealthEnd", r.lastWithBattery().health().stateOfHealth()); // of the last study year
            if (!r.withBattery().bindingShare().isEmpty()) {
                with.put("bindingShare", r.withBattery().bindingShare());
            }
            top.put("withBattery", with);
            life(top, r);
        } else {
            top.put("withBattery", null);
        }
        bills(top, r);
        return top;
    }

    /** The grid-code metrics of a case's first year and the verdict of each rule. */
    private static void gridCode(Map<String, Object> m, GridCodeReport report) {
        GridCodeMetrics g = report.metrics();
        m.put("gridCodePass", report.pass());
        List<Map<String, Object>> failures = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleVerdict v : report.verdicts()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", v.rule());
            rule.put("value", v.value());
            rule.put("limit", v.limit());
            rule.put("unit", v.unit());
            rule.put("pass", v.pass());
            rule.put("margin", v.margin());
            if (v.note() != null) {
                rule.put("note", v.note());
            }
            rules.add(rule);
            if (!v.pass()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("rule", v.rule());
                f.put("value", v.value());
                f.put("limit", v.limit());
                failures.add(f);
            }
        }
        m.put("gridCodeFailures", failures);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("maxRampUpKwPerS", g.maxRampUpKwPerS());
        metrics.put("maxRampDownKwPerS", g.maxRampDownKwPerS());
        metrics.put("maxRampUpKwPerMin", g.maxRampUpKwPerMin());
        metrics.put("maxRampDownKwPerMin", g.maxRampDownKwPerMin());
        metrics.put("maxRampKwPerMin", Math.max(g.maxRampUpKwPerMin(), g.maxRampDownKwPerMin()));
        metrics.put("dynamicRangeKw", g.dynamicRangeKw());
        metrics.put("dynamicRangeWindowSeconds", g.dynamicRangeWindowSeconds());
        metrics.put("bandLowHz", g.bandLowHz());
        metrics.put("bandHighHz", g.bandHighHz());
        metrics.put("bandEnergyShare", Double.isNaN(g.bandEnergyShare()) ? null : g.bandEnergyShare());
        metrics.put("bandRmsKw", Double.isNaN(g.bandRmsKw()) ? null : g.bandRmsKw());
        metrics.put("dominantFrequencyHz", Double.isNaN(g.dominantFrequencyHz()) ? null : g.dominantFrequencyHz());
        metrics.put("loadDropEvents", g.loadDropEvents());
        metrics.put("largestDropKw", g.largestDropKw());
        metrics.put("loadDropKw", g.loadDropKw());
        metrics.put("loadDropWithinSeconds", g.loadDropWithinSeconds());
        metrics.put("notes", g.notes());
        metrics.put("rules", rules);
        m.put("gridCode", metrics);
    }

    /**
     * The first year's bill of each case with its contract, and the saving explained by bill line
     * and by item; absent for a site without a tariff.
     */
    @SuppressWarnings("unchecked")
    private static void bills(Map<String, Object> top, PlanStudy.Result r) {
        SiteBilling.Bills bills = r.bills();
        if (bills == null) {
            return;
        }
        billed((Map<String, Object>) top.get("withoutBattery"), bills.withoutBattery());
        ContractRule rule = r.site().grid().contract();
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("contract", rule.auto() ? "auto" : "fixed");
        contract.put("exceedance", rule.exceedance().name().toLowerCase(Locale.ROOT));
        top.put("contractRule", contract);
        top.put("billWarnings", bills.warnings());
        if (bills.withBattery() == null) {
            top.put("billSavingYen", null);
            return;
        }
        billed((Map<String, Object>) top.get("withBattery"), bills.withBattery());
        Saving s = Saving.of(bills, 0, r.withBattery().battery().acDischargedKwh(), WearPrice.of(r.site()));
        top.put("billSavingYen", s.billSavingYen());
        top.put("billSavingByLine", s.billSavingByLine());
        top.put("netSavingYen", s.netSavingYen());
        top.put("netSavingByItem", s.netSavingByItem());
        top.put("wearBasis", s.wearBasis());
        top.put("billSavingPerYearYen", bills.savingPerYearYen());
        top.put("yearFrom", yearFrom(bills.withoutBattery().bill()));
        if (bills.withBatterySteadyState() != null) {
            Map<String, Object> steady = new LinkedHashMap<>();
            steady.put("contractKw", bills.withBatterySteadyState().contractKw());
            steady.put("billYen", bills.withBatterySteadyState().totalYen());
            steady.put("billSavingYen", bills.steadyStateSavingYen());
            top.put("withBatterySteadyState", steady);
        }
        if (bills.savingAtOwnPeaksYen() != null) {
            top.put("savingAtOwnPeaksYen", bills.savingAtOwnPeaksYen());
            top.put("contractEffectYen", bills.contractEffectYen());
        }
    }

    private static void billed(Map<String, Object> m, SiteBilling.CaseBill b) {
        m.put("contractKw", b.contractKw());
        m.put("contractBasis", b.basis().id());
        m.put("billYen", b.totalYen());
        m.put("bill", BillFigures.of(b.bill()));
    }

    /**
     * How a study shorter than a year became a year: "7 days in August 2025"; null for a whole year.
     */
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
        return String.format(Locale.ROOT, "%s days in %s", new java.text.DecimalFormat("0.#").format(days),
                first.equals(last) ? first : first + " to " + last);
    }

    /** Years, end of life and augmentation, from the battery's health after each study year. */
    private static void life(Map<String, Object> top, PlanStudy.Result r) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (PlanStudy.Year y : r.years()) {
            SimulationResult w = y.withBattery();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("stateOfHealth", w.health().stateOfHealth());
            m.put("equivalentFullCycles", w.battery().equivalentFullCycles());
            m.put("batteryThroughputKwh", w.battery().throughputKwh());
            m.put("batteryLossesKwh", w.battery().lossesKwh());
            m.put("energyImportedKwh", w.gridKpis().energyImportedKwh());
            m.put("peakDemand30minKw", w.gridKpis().peakDemand30minKw());
            years.add(m);
        }
        top.put("years", years);
        top.put("agingModel", r.site().batteries().stream().filter(b -> b.aging() != null)
                .map(b -> b.aging().create().name()).findFirst().orElse(null));
        BatteryHealth end = r.lastWithBattery().health();
        double daysPerYear = r.withoutBattery().grid().durationSeconds() / 86_400;
        top.put("endOfLifeSoh", r.site().batteries().stream().mapToDouble(BatteryParameters::endOfLifeSoh).max().orElse(0));
        top.put("endOfLifeYear", Double.isNaN(end.endOfLifeDay()) ? null
                : (Object) (long) Math.max(1, Math.ceil(end.endOfLifeDay() / daysPerYear - 1e-9)));
        List<Map<String, Object>> augmentations = new ArrayList<>();
        for (AugmentationEvent e : end.augmentations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("battery", e.battery());
            m.put("year", (long) Math.max(1, Math.ceil(e.day() / daysPerYear - 1e-9)));
            m.put("day", e.day());
            m.put("addedKwh", e.addedKwh());
            m.put("stateOfHealthBefore", e.sohBefore());
            augmentations.add(m);
        }
        top.put("augmentations", augmentations);
        top.put("agingWarnings", end.warnings());
    }

    private static Map<String, Object> grid(SimulationResult s, PlanStudy.Result r) {
        GridKpis g = s.gridKpis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energyImportedKwh", g.energyImportedKwh());
        m.put("energyExportedKwh", g.energyExportedKwh());
        m.put("peakDemand30minKw", g.peakDemand30minKw());
        m.put("peakDemand30minSlot", SeriesCsv.formatTime(g.peakDemandSlotEpochMs(), r.site().zone()));
        m.put("peakGridKw", g.peakGridKw());
        m.put("maxRampKwPerS", g.maxRampKwPerS());
        m.put("maxRampUpKwPerS", g.maxRampUpKwPerS());
        m.put("maxRampDownKwPerS", g.maxRampDownKwPerS());
        m.put("simulationWallSeconds", s.wallSeconds());
        return m;
    }
}

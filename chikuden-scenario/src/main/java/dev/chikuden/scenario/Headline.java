package dev.chikuden.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.scenario.sweep.ScenarioKind;
import java.util.List;

/**
 * The headline figures of a scenario, one column each: every one is a field of the command's own
 * JSON output ({@code plan --json}, {@code optimize --json}, {@code size --json}) named by its path
 * with {@code _} for {@code /}, so a sweep's row and the command's output cannot disagree. Booleans
 * are 1 or 0; a figure the scenario does not have (no PV, no tariff, no grid-code rules) is NaN,
 * null in Parquet. Wall times are left out: a row is the same on every runner and every rerun.
 */
public final class Headline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PLAN = List.of(
            "withoutBattery/energyImportedKwh",
            "withBattery/energyImportedKwh",
            "withoutBattery/energyExportedKwh",
            "withBattery/energyExportedKwh",
            "withoutBattery/peakDemand30minKw",
            "withBattery/peakDemand30minKw",
            "withoutBattery/peakGridKw",
            "withBattery/peakGridKw",
            "withoutBattery/maxRampKwPerS",
            "withBattery/maxRampKwPerS",
            "withoutBattery/gridCodePass",
            "withBattery/gridCodePass",
            "withBattery/batteryThroughputKwh",
            "withBattery/equivalentFullCycles",
            "withBattery/batteryLossesKwh",
            "withBattery/socMin",
            "withBattery/socMax",
            "withBattery/stateOfHealthEnd",
            "withBattery/selfConsumption",
            "withBattery/selfSufficiency",
            "endOfLifeYear",
            "withoutBattery/billYen",
            "withBattery/billYen",
            "billSavingYen",
            "netSavingByItem/marketRevenueYen",
            "netSavingByItem/batteryWearYen",
            "netSavingYen");

    private static final List<String> OPTIMIZE = List.of(
            "withoutBattery/billYen",
            "withoutBattery/peakDemand30minKw",
            "objectiveYen",
            "energyCostYen",
            "basicChargeYen",
            "exportRevenueYen",
            "reserveRevenueYen",
            "degradationCostYen",
            "dischargedKwh",
            "equivalentFullCycles",
            "lp/savingYen",
            "lp/billYen",
            "delivered/savingYen",
            "delivered/billYen",
            "delivered/billSavingYen",
            "delivered/shareOfLp",
            "delivered/peakDemand30minKw",
            "delivered/batteryLossesKwh",
            // a grid battery's income by market (null without markets): capacity is often the largest
            "revenueByMarket/energy",
            "revenueByMarket/balancing",
            "revenueByMarket/capacity");

    private static final List<String> SIZE = List.of(
            "withoutBattery/billYen",
            "simulated",
            "best/powerKw",
            "best/energyKwh",
            "best/durationHours",
            "best/npvYen",
            "best/irr",
            "best/paybackYears",
            "best/discountedPaybackYears",
            "best/lcosYenPerKwh",
            "best/annualSavingYen",
            "best/capexYen",
            "best/sohAtEnd",
            "best/lp/npvYen",
            "best/delivered/npvYen",
            "best/delivered/savingYen",
            "best/delivered/peakDemand30minKw");

    private Headline() {}

    /** The JSON paths of a kind's figures, in column order. */
    public static List<String> paths(ScenarioKind kind) {
        return switch (kind) {
            case PLAN -> PLAN;
            case OPTIMIZE -> OPTIMIZE;
            case SIZE -> SIZE;
        };
    }

    /** A path's column name: {@code withBattery/peakGridKw} is {@code withBattery_peakGridKw}. */
    public static String column(String path) {
        return path.replace('/', '_');
    }

    /** The figures of {@code result} (the command's JSON record) at {@code kind}'s paths. */
    public static double[] of(ScenarioKind kind, Object result) {
        JsonNode tree = JSON.valueToTree(result);
        List<String> paths = paths(kind);
        double[] v = new double[paths.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(tree.at("/" + paths.get(i)));
        }
        return v;
    }

    /** A figure of a command's JSON output: NaN where it is absent or null. */
    public static double value(JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue() ? 1 : 0;
        }
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }
}

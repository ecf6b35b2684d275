package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.sim.GridKpis;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.study.PvUseMeter;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.time.SeriesCsv;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One case of a plan study: its grid figures and grid-code verdicts, and, where they apply, what
 * the GPUs' own smoothing costs, what the battery did and the case's bill. JSON flattens the parts.
 *
 * @param gridCodePass      whether every rule passes; null (left out) when no rule judges the case
 * @param gridCodeNotJudged why no rule judges the case; null when one does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFigures(
        @JsonUnwrapped Grid grid,
        Boolean gridCodePass,
        String gridCodeNotJudged,
        List<GridCodeFigures.Failure> gridCodeFailures,
        GridCodeFigures gridCode,
        @JsonUnwrapped GpuSmoothing gpuSmoothing,
        @JsonUnwrapped Battery battery,
        @JsonUnwrapped Billed billed,
        @JsonUnwrapped Pv pv) {

    /**
     * Where the case's PV energy went and where its load's came from ({@link PvUseMeter}).
     *
     * @param selfConsumption share of PV energy used on site, directly or through the battery
     * @param selfSufficiency share of the load met by PV, directly or through the battery
     * @param batteryExportedKwh battery energy that left the site (押し上げ)
     * @param batteryGridChargedKwh energy the battery took from the grid: never counted as PV
     */
    public record Pv(
            double selfConsumption,
            double selfSufficiency,
            double pvKwh,
            double pvToLoadKwh,
            double pvViaBatteryKwh,
            double pvExportedKwh,
            double pvLostInBatteryKwh,
            double batteryExportedKwh,
            double batteryGridChargedKwh) {
        static Pv of(PvUseMeter.PvUse u) {
            return new Pv(
                    u.selfConsumption(),
                    u.selfSufficiency(),
                    u.pvKwh(),
                    u.pvToLoadKwh(),
                    u.pvViaBatteryKwh(),
                    u.pvExportedKwh(),
                    u.pvLostOrStoredKwh(),
                    u.batteryExportedKwh(),
                    u.gridChargedKwh());
        }
    }

    /** The grid connection's figures of the case's first year. */
    public record Grid(
            double energyImportedKwh,
            double energyExportedKwh,
            double peakDemand30minKw,
            String peakDemand30minSlot,
            double peakGridKw,
            double maxRampKwPerS,
            double maxRampUpKwPerS,
            double maxRampDownKwPerS,
            double simulationWallSeconds) {
        static Grid of(SimulationResult s, ZoneId zone) {
            GridKpis g = s.gridKpis();
            return new Grid(
                    g.energyImportedKwh(),
                    g.energyExportedKwh(),
                    g.peakDemand30minKw(),
                    SeriesCsv.formatTime(g.peakDemandSlotEpochMs(), zone),
                    g.peakGridKw(),
                    g.maxRampKwPerS(),
                    g.maxRampUpKwPerS(),
                    g.maxRampDownKwPerS(),
                    s.wallSeconds());
        }
    }

    /** The GPUs smoothing themselves instead of a battery: floor, ramp and the energy it costs at the grid. */
    public record GpuSmoothing(double gpuFloor, double gpuRampWPerS, double extraEnergyKwh) {}

    /**
     * What the battery did in the first year.
     *
     * @param stateOfHealthEnd of the last study year
     * @param bindingShare     each controller's share of steps (controller names are the stack's), null when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Battery(
            double batteryThroughputKwh,
            double equivalentFullCycles,
            double socMin,
            double socMax,
            double batteryLossesKwh,
            double batteryChargedKwh,
            double batteryDischargedKwh,
            double batteryConversionLossKwh,
            double batteryAuxiliaryKwh,
            double storedEnergyChangeKwh,
            double batteryFadeKwh,
            double stateOfHealthEnd,
            Map<String, Double> bindingShare) {
        static Battery of(SimulationResult first, SimulationResult last) {
            BatteryLedger b = first.battery();
            return new Battery(
                    b.throughputKwh(),
                    b.equivalentFullCycles(),
                    first.socMin(),
                    first.socMax(),
                    b.lossesKwh(),
                    b.acChargedKwh(),
                    b.acDischargedKwh(),
                    b.conversionLossKwh(),
                    b.auxiliaryKwh(),
                    b.storedEndKwh() - b.storedStartKwh(),
                    b.fadeKwh(),
                    last.health().stateOfHealth(),
                    first.bindingShare().isEmpty() ? null : first.bindingShare());
        }
    }

    /** The case's contract, how it was set, and its bill. */
    public record Billed(double contractKw, String contractBasis, long billYen, BillFigures bill) {
        static Billed of(SiteBilling.CaseBill b) {
            return new Billed(b.contractKw(), b.basis().id(), b.totalYen(), BillFigures.of(b.bill()));
        }
    }

    /**
     * @param notJudged why no rule judges the site, used when the report has no verdict
     * @param noLoad    the site has no load: grid power drops are the battery's own swings, not load drops
     */
    static CaseFigures of(SimulationResult s, GridCodeReport gridCode, ZoneId zone, String notJudged, boolean noLoad) {
        boolean judged = !gridCode.verdicts().isEmpty();
        GridCodeFigures figures = GridCodeFigures.of(gridCode);
        return new CaseFigures(
                Grid.of(s, zone),
                judged ? gridCode.pass() : null,
                judged ? null : notJudged,
                GridCodeFigures.failures(gridCode),
                noLoad ? figures.withoutLoadDrops() : figures,
                null,
                null,
                null,
                null);
    }

    CaseFigures withGpuSmoothing(GpuSmoothing g) {
        return new CaseFigures(
                grid, gridCodePass, gridCodeNotJudged, gridCodeFailures, gridCode, g, battery, billed, pv);
    }

    CaseFigures withBattery(Battery b) {
        return new CaseFigures(
                grid, gridCodePass, gridCodeNotJudged, gridCodeFailures, gridCode, gpuSmoothing, b, billed, pv);
    }

    CaseFigures withBill(Billed b) {
        return new CaseFigures(
                grid, gridCodePass, gridCodeNotJudged, gridCodeFailures, gridCode, gpuSmoothing, battery, b, pv);
    }

    CaseFigures withPv(PvUseMeter.PvUse u) {
        return u == null
                ? this
                : new CaseFigures(
                        grid,
                        gridCodePass,
                        gridCodeNotJudged,
                        gridCodeFailures,
                        gridCode,
                        gpuSmoothing,
                        battery,
                        billed,
                        Pv.of(u));
    }

    /** "pass (6)", "FAIL 2 of 6" or "none judged". */
    public String verdict() {
        return gridCode.verdict(gridCodeFailures);
    }
}

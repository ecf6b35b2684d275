package dev.chikuden.cli.parity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.scenario.plan.GridCodeFigures;
import dev.chikuden.time.FixedStepSeries;
import java.time.ZoneId;

/**
 * One side of a parity run, measured the same way whichever side: the grid-code metrics and verdicts
 * (named as {@code plan --json} names them) of the step-mean grid power, the window's demand (its
 * mean import) and what the battery did.
 *
 * @param demandKw             import energy over the window divided by its length
 * @param batteryDischargedKwh at the battery's AC terminals
 * @param batteryChargedKwh    at the battery's AC terminals
 */
public record SideFigures(
        @JsonUnwrapped GridCodeFigures gridCode,
        double demandKw,
        double batteryDischargedKwh,
        double batteryChargedKwh,
        double socStart,
        double socEnd) {

    static SideFigures of(ParityTrace t, long startEpochMs, long stepMs, ZoneId zone, GridCodeRules rules) {
        GridCodeReport report = GridCodeMeter.of(new FixedStepSeries(startEpochMs, stepMs, t.gridKw()), zone, rules);
        double h = stepMs / 3_600_000.0;
        double imported = 0;
        double discharged = 0;
        double charged = 0;
        for (int i = 0; i < t.gridKw().length; i++) {
            imported += Math.max(t.gridKw()[i], 0) * h;
            discharged += Math.max(t.batteryKw()[i], 0) * h;
            charged += Math.max(-t.batteryKw()[i], 0) * h;
        }
        double hours = t.gridKw().length * h;
        return new SideFigures(
                GridCodeFigures.of(report), imported / hours, discharged, charged, t.socStart(), t.socEnd());
    }

    public double socChange() {
        return socEnd - socStart;
    }
}

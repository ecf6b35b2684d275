package dev.chikuden.cli.report;

import dev.chikuden.study.PlanStudy;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.time.FixedStepSeries;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 30-minute demand of the first study year, with and without battery: each month's peak (with
 * the contract each case is billed on, when there is a tariff) and the duration curve, every
 * slot from the highest down. The slots are the grid-code meters', the same as the plan's peak.
 */
record DemandFigures(Double contractKw, List<Month> monthly, Duration duration) {
    static final int DURATION_POINTS = 1000;

    /** A month's peak demand of each case and the contract each is billed on (null without a tariff). */
    record Month(
            String month,
            double withoutBatteryKw,
            Double withBatteryKw,
            Double contractWithoutBatteryKw,
            Double contractWithBatteryKw) {}

    /** The duration curves at the same ranks, in the report's unit. */
    record Duration(double[] sharePercent, double[] withoutBattery, double[] withBattery) {}

    static DemandFigures of(PlanStudy.Result r, double unitKw) {
        ZoneId zone = r.site().zone();
        FixedStepSeries without = r.withoutBatteryGridCode().metrics().demand30minKw();
        FixedStepSeries with = r.withBatteryGridCode() == null
                ? null
                : r.withBatteryGridCode().metrics().demand30minKw();
        Map<YearMonth, Double> peakWithout = monthlyPeaks(without, zone);
        Map<YearMonth, Double> peakWith = with == null ? Map.of() : monthlyPeaks(with, zone);
        Map<YearMonth, Double> contractWithout = r.bills() == null
                ? Map.of()
                : contracts(r.bills().withoutBattery().bill().months());
        Map<YearMonth, Double> contractWith = r.bills() == null || r.bills().withBattery() == null
                ? Map.of()
                : contracts(r.bills().withBattery().bill().months());
        List<Month> months = new ArrayList<>();
        for (YearMonth month : peakWithout.keySet()) {
            months.add(new Month(
                    month.toString(),
                    peakWithout.get(month),
                    peakWith.get(month),
                    contractWithout.get(month),
                    contractWith.get(month)));
        }
        return new DemandFigures(
                r.bills() == null ? null : r.bills().withoutBattery().contractKw(),
                months,
                duration(without, with, unitKw));
    }

    /**
     * The duration curves at the same, at most {@link #DURATION_POINTS}, evenly spaced ranks with
     * the first and the last: a curve that only falls loses nothing visible that way.
     */
    private static Duration duration(FixedStepSeries without, FixedStepSeries with, double unitKw) {
        double[] a = descending(without);
        double[] b = with == null ? null : descending(with);
        int n = a.length;
        int points = Math.min(n, DURATION_POINTS);
        double[] share = new double[points];
        double[] pickedA = new double[points];
        double[] pickedB = new double[points];
        for (int j = 0; j < points; j++) {
            int rank = points == 1 ? 0 : (int) Math.round((double) j * (n - 1) / (points - 1));
            share[j] = n == 1 ? 0 : 100.0 * rank / (n - 1);
            pickedA[j] = a[rank];
            pickedB[j] = b == null ? Double.NaN : b[rank];
        }
        return new Duration(
                share, ReportFigures.scaled(pickedA, unitKw), b == null ? null : ReportFigures.scaled(pickedB, unitKw));
    }

    private static Map<YearMonth, Double> monthlyPeaks(FixedStepSeries slots, ZoneId zone) {
        Map<YearMonth, Double> peaks = new TreeMap<>();
        for (int i = 0; i < slots.size(); i++) {
            YearMonth month =
                    YearMonth.from(Instant.ofEpochMilli(slots.epochMsAt(i)).atZone(zone));
            peaks.merge(month, slots.get(i), Math::max);
        }
        return peaks;
    }

    private static Map<YearMonth, Double> contracts(List<MonthlyBill> months) {
        Map<YearMonth, Double> contracts = new TreeMap<>();
        for (MonthlyBill b : months) {
            contracts.put(b.month(), b.contractKw());
        }
        return contracts;
    }

    private static double[] descending(FixedStepSeries slots) {
        double[] v = slots.values();
        Arrays.sort(v);
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }
}

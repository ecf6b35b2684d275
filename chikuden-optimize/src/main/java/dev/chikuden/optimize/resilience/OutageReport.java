package dev.chikuden.optimize.resilience;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.profile.PeriodMeans;
import dev.chikuden.resilience.OutageInputs;
import dev.chikuden.resilience.OutageResult;
import dev.chikuden.resilience.OutageSimulator;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well an optimal dispatch leaves the site ready for a grid outage, REopt-style: an outage
 * is tried from the start of every period of the year; the battery holds what the dispatch left
 * in it then, it and the PV alone serve the critical load, and surplus PV recharges it
 * ({@link OutageSimulator}). Reports, for the site's {@code outage} section, the share of start
 * times from which each outage length is ridden through, the backup hours over the year (mean
 * and minimum) and by calendar month of the site's clock.
 *
 * <p>All the stored energy above the SOC minimum counts, the backup reserve included (that is what
 * it is for). Backup hours are capped at the longest outage tried: 24 h, or the longest length
 * asked for if longer.
 */
public final class OutageReport {
    /** Backup hours are measured up to at least this long an outage. */
    static final double MIN_CAP_HOURS = 24;

    /** The backup hours of the outages that start in one calendar month. */
    public record Month(YearMonth month, double minBackupHours, double meanBackupHours) {}

    private final double criticalLoadKw;
    private final double[] hours;
    private final double[] survival;
    private final double maxOutageHours;
    private final OutageResult result;
    private final List<Month> months;

    private OutageReport(
            double criticalLoadKw,
            double[] hours,
            double[] survival,
            double maxOutageHours,
            OutageResult result,
            List<Month> months) {
        this.criticalLoadKw = criticalLoadKw;
        this.hours = hours;
        this.survival = survival;
        this.maxOutageHours = maxOutageHours;
        this.result = result;
        this.months = List.copyOf(months);
    }

    /**
     * The outage figures of {@code solution}, the optimal dispatch of {@code problem} at {@code site}
     * (whose batteries the problem's storage describes): the site's outage section, its PV
     * averaged to the problem's periods and its batteries' SOC minimum.
     *
     * @throws BadInputException when the site has no outage section
     */
    public static OutageReport of(SiteConfig site, DispatchProblem problem, DispatchSolution solution) {
        PlanningSpec.OutageSpec spec = site.planning().outage();
        if (spec == null) {
            throw new BadInputException(site.source() + ": outage: the outage figures need the critical load; add "
                    + "e.g. outage: {criticalLoad: 60 MW, durations: [1 h, 2 h, 4 h, 8 h]}");
        }
        TimeGrid grid = SiteModels.timeGrid(site);
        double[] pv =
                Arrays.copyOf(PeriodMeans.of(SiteModels.pv(site, grid), grid, problem.periodMs()), problem.periods());
        double windowKwh = 0;
        for (BatteryParameters b : site.batteries()) {
            windowKwh += b.energyKwh() * b.socMin();
        }
        double floor = problem.storage() == null ? 0 : problem.storage().floorKwh();
        double min = site.batteries().isEmpty() ? floor : Math.min(windowKwh, floor);
        return of(spec, site.zone(), problem, solution, min, pv);
    }

    /**
     * The outage figures from their parts.
     *
     * @param minStoredKwh energy at the SOC minimum, never usable
     * @param pvKw         PV output per period, kW (negative values count as 0)
     */
    public static OutageReport of(
            PlanningSpec.OutageSpec spec,
            ZoneId zone,
            DispatchProblem problem,
            DispatchSolution solution,
            double minStoredKwh,
            double[] pvKw) {
        int n = problem.periods();
        if (solution.periods() != n || pvKw.length != n) {
            throw new IllegalArgumentException("the dispatch and the PV need one value per period of the problem");
        }
        if (spec.hours() == null || spec.hours().length == 0) {
            throw new IllegalArgumentException("outage needs at least one duration");
        }
        DispatchProblem.Storage s = problem.storage();
        double max = s == null ? 0 : s.maxKwh();
        double min = Math.min(Math.max(0, minStoredKwh), max);
        double[] stored = new double[n];
        double[] pv = new double[n];
        double[] critical = new double[n];
        for (int t = 0; t < n; t++) {
            double e = s == null ? 0 : t == 0 ? s.initialKwh() : solution.storedKwh()[t - 1];
            stored[t] = Math.max(0, Math.min(max, e));
            pv[t] = Math.max(0, pvKw[t]);
            critical[t] = spec.criticalLoadKw();
        }
        double cap = MIN_CAP_HOURS;
        for (double h : spec.hours()) {
            cap = Math.max(cap, h);
        }
        OutageInputs in = new OutageInputs(
                problem.periodHours(),
                stored,
                min,
                max,
                critical,
                pv,
                s == null ? 0 : s.dischargeKw(),
                s == null ? 0 : s.chargeKw(),
                s == null ? 1 : s.dischargeEfficiency(),
                s == null ? 1 : s.chargeEfficiency(),
                cap);
        OutageResult r = new OutageSimulator().simulate(in);
        double[] hours = spec.hours().clone();
        return new OutageReport(
                spec.criticalLoadKw(), hours, r.survivalCurve(hours), cap, r, months(r.survivedHours(), zone, problem));
    }

    private static List<Month> months(double[] survived, ZoneId zone, DispatchProblem p) {
        List<Month> out = new ArrayList<>();
        YearMonth current = null;
        double min = 0;
        double sum = 0;
        int count = 0;
        for (int t = 0; t < survived.length; t++) {
            YearMonth m = YearMonth.from(
                    Instant.ofEpochMilli(p.startEpochMs() + t * p.periodMs()).atZone(zone));
            if (!m.equals(current)) {
                if (current != null) {
                    out.add(new Month(current, min, sum / count));
                }
                current = m;
                min = Double.POSITIVE_INFINITY;
                sum = 0;
                count = 0;
            }
            min = Math.min(min, survived[t]);
            sum += survived[t];
            count++;
        }
        out.add(new Month(current, min, sum / count));
        return out;
    }

    public double criticalLoadKw() {
        return criticalLoadKw;
    }

    /** The outage lengths asked for, hours. */
    public double[] hours() {
        return hours.clone();
    }

    /** For each of {@link #hours()}, the share of start times from which the outage is ridden through. */
    public double[] survivalProbability() {
        return survival.clone();
    }

    /** The cap on backup hours: the longest outage tried. */
    public double maxOutageHours() {
        return maxOutageHours;
    }

    public double meanBackupHours() {
        return result.meanSurvivedHours();
    }

    public double minBackupHours() {
        return result.minSurvivedHours();
    }

    /** Backup hours from the start of each period, capped at {@link #maxOutageHours()}. */
    public double[] backupHours() {
        return result.survivedHours();
    }

    public List<Month> months() {
        return months;
    }

    /** The figures for JSON, in a fixed order. */
    /** The report as {@code --json} prints it. */
    public record Figures(
            double criticalLoadKw,
            double maxOutageHours,
            List<Survival> survival,
            double meanBackupHours,
            double minBackupHours,
            List<MonthFigures> months) {}

    /** The share of start times from which an outage of {@code hours} is ridden through. */
    public record Survival(double hours, double probability) {}

    /** A month's backup hours, the month as text ("2025-04"). */
    public record MonthFigures(String month, double minBackupHours, double meanBackupHours) {}

    public Figures figures() {
        List<Survival> curve = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            curve.add(new Survival(hours[i], survival[i]));
        }
        List<MonthFigures> byMonth = months.stream()
                .map(mo -> new MonthFigures(mo.month().toString(), mo.minBackupHours(), mo.meanBackupHours()))
                .toList();
        return new Figures(criticalLoadKw, maxOutageHours, curve, meanBackupHours(), minBackupHours(), byMonth);
    }
}

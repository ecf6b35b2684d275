package dev.chikuden.cli.report;

import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the report draws per step, beside another factory's sinks (the result files): the
 * whole period in min/max/mean buckets and the day of the peak demand. Both are taken from the
 * case with the battery, whose steps also hold the grid without it (load minus PV), or from the
 * case without for a site without battery.
 */
public final class ReportRecorders implements PlanStudy.SinkFactory {
    /** About this many buckets over the whole period: enough to zoom into, small in the file. */
    static final int PERIOD_BUCKETS = 4000;

    private final PlanStudy.SinkFactory others;
    private final PlanStudy.Case recorded;
    private TimeGrid grid;
    private BalanceBuckets period;
    private WorstDay worstDay;

    public ReportRecorders(PlanStudy.SinkFactory others, SiteConfig site) {
        this.others = others;
        this.recorded = site.batteries().isEmpty() ? PlanStudy.Case.WITHOUT_BATTERY : PlanStudy.Case.WITH_BATTERY;
    }

    @Override
    public List<StepSink> open(PlanStudy.Case c, TimeGrid grid) {
        List<StepSink> sinks = new ArrayList<>(others.open(c, grid));
        if (c == recorded) {
            this.grid = grid;
            period = BalanceBuckets.forSteps(
                    grid.steps(), (int) Math.max(1, (grid.steps() + PERIOD_BUCKETS - 1) / PERIOD_BUCKETS));
            worstDay = new WorstDay(grid);
            sinks.add(period);
            sinks.add(worstDay);
        }
        return sinks;
    }

    /** The first study year's clock; null before the recorded case was opened. */
    TimeGrid grid() {
        return grid;
    }

    BalanceBuckets period() {
        return period;
    }

    WorstDay worstDay() {
        return worstDay;
    }
}

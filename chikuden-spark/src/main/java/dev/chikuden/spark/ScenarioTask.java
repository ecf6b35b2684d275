package dev.chikuden.spark;

import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * One Spark task: runs the scenarios of its partition (their positions in the sweep's list) one
 * after another on the task's thread, as the local runner runs each on one of its threads, with a
 * runner of its own for them. Scenarios that share a case without battery compute it once in the
 * executor ({@link ExecutorBaselines}), whichever of its tasks runs them. Rows are made as the
 * writer asks for them; with {@code series} (a sweep with {@code series: true}) each scenario's
 * per-step results go there first. Every task of a run carries the run's id, under which the
 * executor keeps what the run's tasks share, and adds to {@code baselinesComputed} the cases
 * without battery its partition computed.
 */
record ScenarioTask(SweepSource source, String run, Series series, LongAccumulator baselinesComputed)
        implements FlatMapFunction<Iterator<Integer>, Row> {
    /**
     * Where a sweep with {@code series: true} puts its per-step results: {@code OUT/series}, written
     * with the driver's Hadoop configuration, as the rows are.
     */
    record Series(String uri, Broadcast<SerializableConfiguration> hadoop) implements Serializable {}

    @Override
    public Iterator<Row> call(Iterator<Integer> positions) {
        Sweep sweep = SweepCache.of(run, source);
        SweepSchema schema = new SweepSchema(sweep);
        List<Scenario> mine = new ArrayList<>();
        positions.forEachRemaining(p -> mine.add(sweep.scenarios().get(p)));
        SeriesUpload upload = series == null
                ? null
                : new SeriesUpload(series.uri(), series.hadoop().value().value());
        if (upload != null && TaskContext.get() != null) {
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) c -> upload.close());
        }
        ScenarioRunner runner =
                new ScenarioRunner(sweep, mine, upload == null ? null : upload.local(), ExecutorBaselines.of(run));
        Iterator<Scenario> next = mine.iterator();
        return new Iterator<>() {
            private boolean counted;

            @Override
            public boolean hasNext() {
                boolean more = next.hasNext();
                if (!more && !counted) { // the partition is done: what it computed, for the driver
                    baselinesComputed.add(runner.baselinesComputed());
                    counted = true;
                }
                return more;
            }

            @Override
            public Row next() {
                Scenario s = next.next();
                ScenarioRow row = runner.run(s);
                if (upload != null) { // before the row: a row written means its series are
                    upload.upload(s.id());
                }
                return SparkRows.row(schema, row);
            }
        };
    }
}

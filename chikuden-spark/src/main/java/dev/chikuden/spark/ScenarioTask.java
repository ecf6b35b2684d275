package dev.chikuden.spark;

import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;

/**
 * One Spark task: runs the scenarios of its partition (their positions in the sweep's list) one
 * after another on the task's thread, as the local runner runs each on one of its threads, with a
 * runner of its own for them. Scenarios that share a case without battery compute it once in the
 * executor ({@link ExecutorBaselines}), whichever of its tasks runs them. Rows are made as the
 * writer asks for them; with {@code seriesUri} (a sweep with {@code series: true}) each scenario's
 * per-step results go there first.
 */
record ScenarioTask(SweepSource source, String seriesUri) implements FlatMapFunction<Iterator<Integer>, Row> {
    @Override
    public Iterator<Row> call(Iterator<Integer> positions) {
        Sweep sweep = SweepCache.of(source);
        SweepSchema schema = new SweepSchema(sweep);
        List<Scenario> mine = new ArrayList<>();
        positions.forEachRemaining(p -> mine.add(sweep.scenarios().get(p)));
        SeriesUpload series = seriesUri == null ? null : new SeriesUpload(seriesUri);
        if (series != null && TaskContext.get() != null) {
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) c -> series.close());
        }
        ScenarioRunner runner =
                new ScenarioRunner(sweep, mine, series == null ? null : series.local(), ExecutorBaselines.of(source));
        Iterator<Scenario> next = mine.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next.hasNext();
            }

            @Override
            public Row next() {
                Scenario s = next.next();
                ScenarioRow row = runner.run(s);
                if (series != null) { // before the row: a row written means its series are
                    series.upload(s.id());
                }
                return SparkRows.row(schema, row);
            }
        };
    }
}

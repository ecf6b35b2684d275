package dev.chikuden.scenario;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

/**
 * Runs a sweep's scenarios on a pool of threads in this JVM and writes their rows to {@code
 * DIR/scenarios/} as they finish, a part file every {@link #FLUSH_NANOS} or {@link #FLUSH_ROWS}
 * rows, so an interrupted sweep keeps most of its work. A rerun into the same folder skips every
 * scenario already written there, failed ones too (they are recorded with their error); the rows
 * written must be this sweep's, with the same axis values under the same id.
 */
public final class LocalSweep {
    static final long FLUSH_NANOS = 30_000_000_000L;
    static final int FLUSH_ROWS = 500;

    /** What a run did: scenarios in the sweep, skipped as already written, run now, and failed of those. */
    public record Outcome(int scenarios, int skipped, int ran, int failed, double wallSeconds) {}

    private LocalSweep() {}

    /** The folder of a sweep's row files under its output folder. */
    public static Path rowsDir(Path out) {
        return out.resolve("scenarios");
    }

    /** The folder of the scenarios' per-step results ({@code series: true}), one folder per scenario id. */
    public static Path seriesDir(Path out) {
        return out.resolve("series");
    }

    /** The scenarios not yet written under {@code out}. */
    public static List<Scenario> pending(Sweep sweep, Path out) {
        return pending(
                sweep,
                SweepParquet.read(rowsDir(out), new SweepSchema(sweep)),
                rowsDir(out).toString());
    }

    /**
     * The scenarios without a row in {@code written}, the rows already in the folder {@code where}
     * (for messages). The folder must hold this sweep's rows only, written with its settings (the
     * base site file, {@code set}, {@code --set}) and the axis values the sweep now gives their ids:
     * a row made otherwise would stand for a scenario it is not.
     */
    public static List<Scenario> pending(Sweep sweep, List<ScenarioRow> written, String where) {
        Map<String, Scenario> ids = new HashMap<>();
        sweep.scenarios().forEach(s -> ids.put(s.id(), s));
        Map<String, ScenarioRow> byId = new HashMap<>();
        for (ScenarioRow r : written) {
            if (!ids.containsKey(r.id())) {
                throw new BadInputException(where + " holds a row of scenario " + r.id() + " " + r.axisValues()
                        + ", which this sweep does not have ("
                        + sweep.scenarios().size()
                        + " scenarios): another sweep's rows? Give another --out, or delete the folder to start again");
            }
            if (!r.settings().equals(sweep.settings())) {
                throw new BadInputException(where + ": scenario " + r.id() + " was written with other settings ("
                        + r.settings() + ", now " + sweep.settings() + "): the base site file, the sweep's set or"
                        + " --set changed since. Give another --out, or delete the folder to start again");
            }
            String changed = InputFiles.changed(sweep.site().toAbsolutePath().getParent(), r.inputs());
            if (changed != null) {
                throw new BadInputException(where + ": scenario " + r.id() + " was computed from " + changed
                        + ". Give another --out, or delete the folder to start again");
            }
            byId.put(r.id(), r);
        }
        List<Scenario> pending = new ArrayList<>();
        for (Scenario s : sweep.scenarios()) {
            ScenarioRow r = byId.get(s.id());
            if (r == null) {
                pending.add(s);
            } else if (!r.axisValues().equals(s.axisValues())) {
                throw new BadInputException(where + ": scenario " + s.id() + " was written with " + r.axisValues()
                        + ", and the sweep file now gives it " + s.axisValues()
                        + ": give another --out, or delete the folder to start again");
            }
        }
        return pending;
    }

    /**
     * Runs the pending scenarios on {@code threads} threads, telling {@code progress} (when not null)
     * of each one finished.
     */
    public static Outcome run(Sweep sweep, Path out, int threads, LongConsumer progress) {
        long started = System.nanoTime();
        List<Scenario> pending = ScenarioRunner.byBaseline(pending(sweep, out));
        SweepSchema schema = new SweepSchema(sweep);
        ScenarioRunner runner = new ScenarioRunner(sweep, pending, seriesDir(out));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "scenario");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<ScenarioRow> done = new ExecutorCompletionService<>(pool);
        int failed = 0;
        Rows rows = new Rows(rowsDir(out), schema);
        // Ctrl-C or a kill writes the rows finished since the last part: a rerun skips them
        Thread onExit = new Thread(rows::write, "sweep-rows");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            for (Scenario s : pending) {
                done.submit(() -> runner.run(s));
            }
            for (int i = 0; i < pending.size(); i++) {
                ScenarioRow row = done.take().get();
                failed += row.failed() ? 1 : 0;
                rows.add(row);
                if (progress != null) {
                    progress.accept(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario threw past its runner", e.getCause());
        } finally {
            pool.shutdownNow();
            rows.write();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, or has run: it writes what is left, once
            }
        }
        return new Outcome(
                sweep.scenarios().size(),
                sweep.scenarios().size() - pending.size(),
                pending.size(),
                failed,
                (System.nanoTime() - started) / 1e9);
    }

    /** The rows finished and not yet written: a part file every {@link #FLUSH_ROWS} rows or {@link #FLUSH_NANOS}. */
    private static final class Rows {
        private final Path dir;
        private final SweepSchema schema;
        private final List<ScenarioRow> batch = new ArrayList<>();
        private long written = System.nanoTime();

        Rows(Path dir, SweepSchema schema) {
            this.dir = dir;
            this.schema = schema;
        }

        synchronized void add(ScenarioRow row) {
            batch.add(row);
            if (batch.size() >= FLUSH_ROWS || System.nanoTime() - written > FLUSH_NANOS) {
                write();
            }
        }

        /** Writes what is held as a part file; the sweep's thread and the exit hook both may, once each row. */
        synchronized void write() {
            if (!batch.isEmpty()) {
                SweepParquet.writePart(dir, schema, batch);
                batch.clear();
            }
            written = System.nanoTime();
        }
    }
}

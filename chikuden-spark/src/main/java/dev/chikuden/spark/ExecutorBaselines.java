package dev.chikuden.spark;

import dev.chikuden.study.PlanStudy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The cases without battery this JVM's tasks computed, by sweep run: a task runs one partition, and
 * the next partition on the same executor often needs the case a task before it computed (scenarios
 * that share it are adjacent in the sweep's order, and a job of many small partitions cuts their run
 * into many tasks). The last {@value #KEPT} cases of a run are kept, the least recently used
 * dropped first; a case holds a year's slot energies and figures, well under a megabyte. A run never
 * sees another's: its site and data files may have changed in between.
 */
final class ExecutorBaselines {
    static final int KEPT = 32;

    private static final RecentRuns<Map<String, CompletableFuture<PlanStudy.SharedBaseline>>> BY_RUN =
            new RecentRuns<>();

    private ExecutorBaselines() {}

    static Map<String, CompletableFuture<PlanStudy.SharedBaseline>> of(String run) {
        return BY_RUN.of(
                run,
                () -> Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(
                            Map.Entry<String, CompletableFuture<PlanStudy.SharedBaseline>> e) {
                        return size() > KEPT;
                    }
                }));
    }
}

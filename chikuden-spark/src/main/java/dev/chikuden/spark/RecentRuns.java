package dev.chikuden.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What this JVM keeps of the last {@value #KEPT} sweep runs, by run: a run's tasks on one executor
 * share it, and a new run (the same sweep again after its files changed, in a notebook's session)
 * starts afresh instead of finding the last run's reading of them.
 */
final class RecentRuns<V> {
    static final int KEPT = 4;

    private final Map<String, V> byRun = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> e) {
            return size() > KEPT;
        }
    });

    /** The value of {@code run}, made by {@code make} the first time this JVM meets the run. */
    V of(String run, Supplier<V> make) {
        synchronized (byRun) {
            return byRun.computeIfAbsent(run, r -> make.get());
        }
    }
}

package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Sweep;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sweeps this JVM has read, so the tasks of one executor read a sweep file once, not once each. */
final class ExecutorSweeps {
    private static final Map<SweepSource, Sweep> READ = new ConcurrentHashMap<>();

    private ExecutorSweeps() {}

    static Sweep of(SweepSource source) {
        return READ.computeIfAbsent(source, SweepSource::load);
    }
}

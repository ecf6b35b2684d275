package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Sweep;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sweeps this JVM has read: the tasks of one executor read a sweep file once, not once each,
 * and in local mode the driver's read serves the tasks too.
 */
final class SweepCache {
    private static final Map<SweepSource, Sweep> READ = new ConcurrentHashMap<>();

    private SweepCache() {}

    static Sweep of(SweepSource source) {
        return READ.computeIfAbsent(source, SweepSource::load);
    }
}

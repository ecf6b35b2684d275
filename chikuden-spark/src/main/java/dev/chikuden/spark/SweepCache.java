package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Sweep;

/**
 * The sweep each recent run read: the tasks of one executor read the sweep file once, not once
 * each, and in local mode the driver's read serves the tasks too.
 */
final class SweepCache {
    private static final RecentRuns<Sweep> READ = new RecentRuns<>();

    private SweepCache() {}

    static Sweep of(String run, SweepSource source) {
        return READ.of(run, source::load);
    }
}

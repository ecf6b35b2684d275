package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Sweep;
import java.io.Serializable;

/**
 * Where a sweep comes from, small enough to ship to every task: each executor reads the sweep
 * itself, once a run ({@link SweepCache}), rather than receive its scenarios from the driver.
 */
public interface SweepSource extends Serializable {
    Sweep load();
}

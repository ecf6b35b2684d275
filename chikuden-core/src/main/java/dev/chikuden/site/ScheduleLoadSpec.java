package dev.chikuden.site;

import dev.chikuden.load.ProductionSchedule;

/**
 * A factory's load from its production schedule.
 *
 * @param rampMs        how long a change of level takes; 0 for a step
 * @param noiseFraction standard deviation of the noise as a fraction of the load
 */
public record ScheduleLoadSpec(String name, ProductionSchedule schedule, long rampMs, double noiseFraction, long seed)
        implements LoadSpec {}

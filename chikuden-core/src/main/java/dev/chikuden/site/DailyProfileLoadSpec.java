package dev.chikuden.site;

/**
 * A constant base scaled by a daily shape.
 *
 * @param hourlyFactors 24 factors, one per local hour
 * @param weekendFactor applied on Saturdays and Sundays
 * @param noiseFraction standard deviation of the noise as a fraction of the load
 */
public record DailyProfileLoadSpec(
        String name, double baseKw, double[] hourlyFactors, double weekendFactor, double noiseFraction, long seed)
        implements LoadSpec {}

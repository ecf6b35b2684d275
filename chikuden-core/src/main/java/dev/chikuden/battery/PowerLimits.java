package dev.chikuden.battery;

/**
 * Limits on converter power besides its rating: SOC-dependent tapers (the fraction of rated power
 * allowed at a SOC, e.g. charge falling above 90 %) and C-rate limits relative to nameplate energy.
 *
 * @param chargeTaper        fraction of the charge rating against SOC
 * @param dischargeTaper     fraction of the discharge rating against SOC
 * @param maxChargeCRate     charge power over nameplate energy (1/h); infinity for none
 * @param maxDischargeCRate  discharge power over nameplate energy (1/h); infinity for none
 */
public record PowerLimits(
        PiecewiseLinear chargeTaper, PiecewiseLinear dischargeTaper, double maxChargeCRate, double maxDischargeCRate) {
    public static final PowerLimits NONE = new PowerLimits(
            PiecewiseLinear.constant(1),
            PiecewiseLinear.constant(1),
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY);
}

package dev.chikuden.battery;

/**
 * What a controller may know of a battery: its state and what it can do in the next step.
 * Powers are net AC at the point of connection (auxiliary load included), {@code > 0}
 * discharging; the two limits are positive magnitudes for a step of {@code stepS} seconds.
 */
public interface BatteryView {
    /** Stored energy over nameplate energy (after fade), 0..1. NaN when there is no battery. */
    double soc();

    double storedEnergyKwh();

    /** Nameplate energy times state of health. */
    double capacityKwh();

    double socMin();

    double socMax();

    /** Relative capacity, 1 when new. */
    double stateOfHealth();

    /**
     * The auxiliary load (standby plus HVAC) the next step draws. A net power of
     * {@code -auxiliaryKw()} leaves the stored energy unchanged: at zero the battery feeds its own
     * auxiliaries from storage.
     */
    double auxiliaryKw();

    /** Cell temperature (the ambient when there is no thermal model). */
    double cellTemperatureC();

    /** Largest net discharge (kW) the battery can deliver over the next step. */
    double maxDischargeKw(double stepS);

    /** Largest net charge (kW, positive) the battery can take over the next step. */
    double maxChargeKw(double stepS);
}

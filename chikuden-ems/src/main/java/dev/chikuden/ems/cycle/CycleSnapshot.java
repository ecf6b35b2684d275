package dev.chikuden.ems.cycle;

/**
 * What one control cycle saw and did: the record the API streams, the store keeps and the dashboard
 * draws. Powers in kW at the point of connection, {@code > 0} battery discharge and grid import.
 * Readings that were stale or missing this cycle are NaN, never the last good value.
 *
 * @param cycle        cycle number since start, from 1
 * @param epochMs      when the cycle started (UTC ms)
 * @param state        the service state after this cycle
 * @param gridKw       grid meter active power (import {@code > 0})
 * @param loadKw       site net load seen by the controllers: grid plus battery
 * @param frequencyHz  grid frequency at the meter
 * @param batteryKw    measured battery power, summed over the units
 * @param setpointKw   battery power commanded this cycle, summed over the units
 * @param soc          state of charge of all units together (stored over usable capacity), 0..1
 * @param binding      the controller layer that decided the setpoint ({@code safe} in the safe state)
 * @param cycleMs      time from the cycle's start to its last setpoint written
 * @param lateMs       how late the cycle started against its schedule (jitter)
 * @param staleDevices devices whose reading was missing or stale this cycle
 * @param activeAlarms alarms active after this cycle
 */
public record CycleSnapshot(
        long cycle,
        long epochMs,
        EmsState state,
        double gridKw,
        double loadKw,
        double frequencyHz,
        double batteryKw,
        double setpointKw,
        double soc,
        String binding,
        double cycleMs,
        double lateMs,
        int staleDevices,
        int activeAlarms) {}

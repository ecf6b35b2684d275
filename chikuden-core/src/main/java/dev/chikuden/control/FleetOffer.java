package dev.chikuden.control;

/**
 * What a site can give its fleet now: the battery power window the layers above the fleet's leave
 * ({@code > 0} discharge; {@code minKw < 0} means it can charge), and the energy it holds above its
 * reserve floor and can still take before its top.
 *
 * @param epochMs when the window was seen (UTC ms)
 * @param minKw the most charging (negative) or least discharging the site allows, kW
 * @param maxKw the most discharging the site allows, kW
 * @param aboveFloorKwh stored energy above the SOC floor and any backup reserve, kWh
 * @param roomKwh energy the battery can still store before its SOC ceiling, kWh
 */
public record FleetOffer(long epochMs, double minKw, double maxKw, double aboveFloorKwh, double roomKwh) {}

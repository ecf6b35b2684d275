package dev.chikuden.battery;

/**
 * A lumped thermal model of the battery container: one heat capacity at the cell temperature,
 * heated by the DC losses, exchanging heat with the ambient through a conductance, and an HVAC
 * that holds the temperature between two setpoints. The HVAC's electric power (heat moved over
 * its coefficient of performance) is the temperature-dependent part of the auxiliary load.
 *
 * @param heatCapacityKjPerK thermal mass of cells and container
 * @param conductanceKwPerK  heat exchange with the ambient (UA)
 * @param coolingAboveC      HVAC cools when the cells would rise above this
 * @param heatingBelowC      HVAC heats when the cells would fall below this
 * @param coolingCop         heat removed per unit of electricity
 * @param heatingCop         heat added per unit of electricity
 * @param initialC           cell temperature at the start
 */
public record Thermal(double heatCapacityKjPerK, double conductanceKwPerK, double coolingAboveC, double heatingBelowC,
                      double coolingCop, double heatingCop, double initialC) {
}

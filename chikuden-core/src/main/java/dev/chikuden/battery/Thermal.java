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
public record Thermal(
        double heatCapacityKjPerK,
        double conductanceKwPerK,
        double coolingAboveC,
        double heatingBelowC,
        double coolingCop,
        double heatingCop,
        double initialC) {
    /**
     * The HVAC's mean electric power while it holds the cells at the cooling setpoint against a
     * steady heat input {@code heatKw} (the cells' losses) and the ambient: what a battery that
     * cycles enough to stay warm draws on average. Negative when the walls shed more than the
     * losses: the cells then cool below the setpoint, and the next losses warm them back for free.
     */
    public double coolingKw(double ambientC, double heatKw) {
        return (heatKw + conductanceKwPerK * (ambientC - coolingAboveC)) / coolingCop;
    }
}

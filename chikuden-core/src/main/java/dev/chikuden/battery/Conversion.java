package dev.chikuden.battery;

/**
 * The energy path between the AC connection and the store: the power conversion system (PCS)
 * with an efficiency that depends on its load (power over its rating), then the DC block with
 * one-way efficiencies for charge and discharge (ohmic and coulombic losses in the cells).
 *
 * @param pcsEfficiency       PCS efficiency against load fraction 0..1 (the same both ways)
 * @param dcChargeEfficiency  DC into stored energy, (0, 1]
 * @param dcDischargeEfficiency stored energy to DC, (0, 1]
 */
public record Conversion(PiecewiseLinear pcsEfficiency, double dcChargeEfficiency, double dcDischargeEfficiency) {
    /** A lossless PCS with the given one-way efficiencies: the plain reservoir model. */
    public static Conversion simple(double chargeEfficiency, double dischargeEfficiency) {
        return new Conversion(PiecewiseLinear.constant(1), chargeEfficiency, dischargeEfficiency);
    }
}

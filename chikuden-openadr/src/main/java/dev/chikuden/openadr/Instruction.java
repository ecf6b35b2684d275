package dev.chikuden.openadr;

/**
 * One thing a VTN asks for over one event interval, in kW and per kWh whatever units the event used.
 * A multi-valued payload (the User Guide's "sub-intervals") gives one instruction per value.
 */
public sealed interface Instruction {
    EventInterval interval();

    /** IMPORT_CAPACITY_LIMIT: the site's import must stay at or below {@code limitKw}. */
    record ImportCapacityLimit(EventInterval interval, double limitKw) implements Instruction {}

    /** EXPORT_CAPACITY_LIMIT: the site's export must stay at or below {@code limitKw}. */
    record ExportCapacityLimit(EventInterval interval, double limitKw) implements Instruction {}

    /**
     * DISPATCH_SETPOINT: in OpenADR "the absolute amount of consumption by a resource". So
     * {@code consumptionKw > 0} draws power from the grid (a battery charges); Chikuden's
     * {@code batteryKw} (positive discharging) is its negation. The spec's minimum is 0; a negative
     * value (production) is passed on as given.
     */
    record DispatchSetpoint(EventInterval interval, double consumptionKw) implements Instruction {}

    /** PRICE: the price of energy, per kWh, in the descriptor's ISO 4217 currency (e.g. JPY). */
    record Price(EventInterval interval, double pricePerKwh, String currency) implements Instruction {}

    /** SIMPLE: the level of a basic demand-response signal, 0 (normal) to 3 (emergency shed). */
    record Simple(EventInterval interval, int level) implements Instruction {}
}

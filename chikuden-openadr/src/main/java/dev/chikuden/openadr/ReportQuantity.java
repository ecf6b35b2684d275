package dev.chikuden.openadr;

/**
 * What a report's values are, as OpenADR's report payload type, reading type and units. The sign is
 * OpenADR's, consumption positive (as DEMAND and DISPATCH_SETPOINT): a site that exports, or a
 * battery that discharges into the grid, reports a negative READING.
 */
public enum ReportQuantity {
    /** The mean power over each interval, kW, either sign: what a portfolio delivered. */
    MEAN_POWER_KW("READING", "MEAN", "KW", true),
    /** DEMAND, "power usage for an interval": mean kW, at least 0. */
    DEMAND_KW("DEMAND", "MEAN", "KW", false),
    /** USAGE, energy over each interval as metered: kWh, at least 0. */
    USAGE_KWH("USAGE", "DIRECT_READ", "KWH", false);

    final String payloadType;
    final String readingType;
    final String units;
    final boolean signed;

    ReportQuantity(String payloadType, String readingType, String units, boolean signed) {
        this.payloadType = payloadType;
        this.readingType = readingType;
        this.units = units;
        this.signed = signed;
    }
}

package dev.chikuden.site;

import dev.chikuden.tariff.ContractRule;

/**
 * The site's connection to the grid.
 *
 * @param contract    how each case's contract demand is set ({@code grid.contract}, {@code grid.exceedance})
 * @param voltage     supply voltage class
 * @param frequencyHz nominal grid frequency: 50 (east Japan) or 60 (west Japan, Kansai)
 * @param importLimitKw the connection's largest import; infinite for none
 * @param exportLimitKw the connection's largest export; infinite for none
 */
public record GridConnection(
        ContractRule contract, VoltageClass voltage, double frequencyHz, double importLimitKw, double exportLimitKw) {
    /** A connection without import or export limits. */
    public GridConnection(ContractRule contract, VoltageClass voltage, double frequencyHz) {
        this(contract, voltage, frequencyHz, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** The fixed contract kW the battery runs under (live limits, a limiter's margin); NaN for {@code auto}. */
    public double contractKw() {
        return contract.fixedKw();
    }
}

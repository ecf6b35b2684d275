package dev.chikuden.tariff;

/**
 * How each case of a study gets its agreed contract kW. One rule serves the case without battery
 * and the case with it, so a saving never comes from a contract one case was given and the other
 * was not.
 *
 * @param withoutBatteryKw the fixed contract of the case without battery; NaN for {@code auto}
 * @param withBatteryKw    the fixed contract of the case with battery; NaN for {@code auto}
 * @param exceedance       whether a planned 30-minute demand may pass the contract
 */
public record ContractRule(double withoutBatteryKw, double withBatteryKw, Exceedance exceedance) {
    /** The default: each case at its own planned peak, never exceeded. */
    public static final ContractRule AUTO = new ContractRule(Double.NaN, Double.NaN, Exceedance.FORBID);

    /** Contracts of 500 kW and above are agreed in advance; below, the 12-month maximum demand sets it. */
    public static final double AGREED_FROM_KW = 500;

    public enum Exceedance {
        /** Every month's planned peak stays at or below the contract: the contract is the planned peak. */
        FORBID,
        /** Demand may pass the contract and pays the excess charge: the contract minimises the bill. */
        PENALTY
    }

    public ContractRule {
        if (Double.isNaN(withoutBatteryKw) != Double.isNaN(withBatteryKw)) {
            throw new IllegalArgumentException("fix both contracts or neither");
        }
    }

    /** True when the contract follows each case's own demand. */
    public boolean auto() {
        return Double.isNaN(withoutBatteryKw);
    }

    /** The fixed contract of a case; NaN when {@code auto}. */
    public double fixedKw(boolean withBattery) {
        return withBattery ? withBatteryKw : withoutBatteryKw;
    }

    /** The fixed contract both cases share, or the case with battery's when they differ; NaN for auto. */
    public double fixedKw() {
        return withBatteryKw;
    }

    /**
     * A planned peak as the contract it sets: rounded up to a whole kW. A peak within 10 W above a
     * whole kW counts as that kW: far below a demand meter's resolution, and it keeps the last
     * digits of a limiter holding exactly its target from adding a kW. A site that draws nothing
     * (a grid battery's case without it) has a contract of 0 kW, never below.
     */
    public static double contractOf(double peakKw) {
        return Math.max(0, Math.ceil(peakKw - 0.01));
    }
}

package dev.chikuden.finance;

/**
 * The yardsticks of a yearly cash-flow series: net present value, internal rate of return and
 * payback times. Index 0 is year 0 (today, undiscounted, usually the negative capex); index k is
 * the flow of operating year k, discounted by (1 + r)^k as if it fell at the end of that year.
 *
 * <p>Pure functions over a primitive array, with no allocation: a sizing sweep calls them for
 * every candidate battery.
 */
final class CashFlows {
    /** The IRR is sought between these rates: near -100 % up to 1,000 % a year. */
    static final double LOWEST_RATE = -0.99;

    static final double HIGHEST_RATE = 10.0;
    /** Rates scanned for a sign change of the NPV, evenly spaced in log(1 + r). */
    private static final int SCAN_POINTS = 400;

    private CashFlows() {}

    /** Net present value at {@code discountRate} (a fraction a year, e.g. 0.05), in the flows' unit. */
    static double npv(double discountRate, double[] flowsByYear) {
        requireRate(discountRate);
        requireFlows(flowsByYear);
        return presentValue(discountRate, flowsByYear);
    }

    /**
     * The rate in (-0.99, 10) at which the NPV is zero, to the last bit a bisection can reach; NaN
     * when the flows never change sign or no rate in that range zeroes the NPV. Conventional flows
     * (outflows, then inflows) have one such rate at most. Flows that change sign more than once
     * may have several; the lowest found on a scan of 400 rates is returned, and two roots closer
     * together than the scan's spacing can be missed.
     */
    static double irr(double[] flows) {
        requireFlows(flows);
        if (!changesSign(flows)) {
            return Double.NaN;
        }
        double lowX = Math.log1p(LOWEST_RATE);
        double highX = Math.log1p(HIGHEST_RATE);
        double previousRate = LOWEST_RATE;
        double previousNpv = presentValue(previousRate, flows);
        if (previousNpv == 0) {
            return previousRate;
        }
        for (int i = 1; i <= SCAN_POINTS; i++) {
            double rate = i == SCAN_POINTS ? HIGHEST_RATE : Math.expm1(lowX + (highX - lowX) * i / SCAN_POINTS);
            double value = presentValue(rate, flows);
            if (value == 0) {
                return rate;
            }
            if ((previousNpv < 0 && value > 0) || (previousNpv > 0 && value < 0)) {
                return bisect(flows, previousRate, previousNpv, rate);
            }
            if (!Double.isNaN(value)) {
                previousRate = rate;
                previousNpv = value;
            }
        }
        return Double.NaN;
    }

    /**
     * Years until the cumulative undiscounted flow first reaches zero, interpolating linearly
     * within the year (each year's flow is taken to accrue evenly over it); 0 when year 0 is not
     * negative, +Infinity when the sum never reaches zero. A later dip below zero (a cell
     * replacement, say) does not move it.
     */
    static double simplePaybackYears(double[] flows) {
        requireFlows(flows);
        return payback(1.0, flows);
    }

    /** Like {@link #simplePaybackYears}, on flows discounted at {@code discountRate}. */
    static double discountedPaybackYears(double discountRate, double[] flows) {
        requireRate(discountRate);
        requireFlows(flows);
        return payback(1.0 / (1.0 + discountRate), flows);
    }

    /** Horner's scheme in v = 1 / (1 + r): one division, no powers. */
    static double presentValue(double rate, double[] flows) {
        double v = 1.0 / (1.0 + rate);
        double sum = 0;
        for (int k = flows.length - 1; k >= 0; k--) {
            sum = sum * v + flows[k];
        }
        return sum;
    }

    private static double payback(double yearlyFactor, double[] flows) {
        if (flows.length == 0) {
            throw new IllegalArgumentException("payback of an empty cash-flow series");
        }
        double cumulative = flows[0];
        if (cumulative >= 0) {
            return 0;
        }
        double factor = 1;
        for (int k = 1; k < flows.length; k++) {
            factor *= yearlyFactor;
            double flow = flows[k] * factor;
            double next = cumulative + flow;
            if (next >= 0) {
                return k - 1 + -cumulative / flow; // flow > 0 here, since cumulative < 0 <= next
            }
            cumulative = next;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Halves [low, high] until the midpoint can no longer be told from an end. */
    private static double bisect(double[] flows, double low, double npvLow, double high) {
        while (true) {
            double mid = 0.5 * (low + high);
            if (mid <= low || mid >= high) {
                return mid;
            }
            double value = presentValue(mid, flows);
            if (value == 0) {
                return mid;
            }
            if (value < 0 == npvLow < 0) {
                low = mid;
                npvLow = value;
            } else {
                high = mid;
            }
        }
    }

    private static boolean changesSign(double[] flows) {
        boolean positive = false;
        boolean negative = false;
        for (double flow : flows) {
            positive |= flow > 0;
            negative |= flow < 0;
        }
        return positive && negative;
    }

    private static void requireRate(double rate) {
        if (!(rate > -1) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("discount rate " + rate + " must be a finite number above -1");
        }
    }

    private static void requireFlows(double[] flows) {
        if (flows == null) {
            throw new IllegalArgumentException("cash flows are missing (null)");
        }
        for (int k = 0; k < flows.length; k++) {
            if (!Double.isFinite(flows[k])) {
                throw new IllegalArgumentException(
                        "cash flow of year " + k + " is " + flows[k] + "; expected a finite number");
            }
        }
    }
}

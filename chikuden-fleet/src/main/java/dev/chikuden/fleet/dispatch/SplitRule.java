package dev.chikuden.fleet.dispatch;

import dev.chikuden.control.FleetOffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How the fleet splits a portfolio request across its sites.
 *
 * <ol>
 *   <li>Each fresh site's range is its offer's window, narrowed by its energy over the request's
 *       duration: it discharges at most what holds its energy above the reserve floor for that long,
 *       and charges at most what its room takes. Where the site's own layers force more than its
 *       energy allows, the site's window wins (its limits are its own).
 *   <li>Each site starts at the point of its range nearest to zero: nothing, unless its own layers
 *       force it to charge or discharge.
 *   <li>The rest of the request goes to the sites in proportion to their headroom in its direction
 *       (the distance from that start to the range's end), so every site moves the same fraction
 *       of its headroom and none passes its offer. No site charges while another discharges for the
 *       same request, unless its own layers force it.
 *   <li>A stale site, or one without an offer, is asked nothing; its own stack runs it.
 * </ol>
 *
 * When the sites cannot give all of the request, each gives all its headroom and the split says the
 * shortfall.
 */
public final class SplitRule {
    private SplitRule() {}

    /**
     * @param requestedKw the portfolio's battery power ({@code > 0} discharge)
     * @param durationS how long the request is to be held, s ({@code > 0})
     */
    public static Split split(double requestedKw, double durationS, List<SiteOffer> offers) {
        if (!Double.isFinite(requestedKw)) {
            throw new IllegalArgumentException("requestedKw must be finite, was " + requestedKw);
        }
        if (!(durationS > 0) || Double.isInfinite(durationS)) {
            throw new IllegalArgumentException("durationS must be > 0 and finite, was " + durationS);
        }
        int n = offers.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] start = new double[n];
        boolean[] asked = new boolean[n];
        double sumStart = 0;
        double sumLo = 0;
        double sumHi = 0;
        double hours = durationS / 3600;
        for (int i = 0; i < n; i++) {
            SiteOffer s = offers.get(i);
            FleetOffer o = s.offer();
            if (!s.fresh() || o == null || !usable(o)) {
                continue;
            }
            asked[i] = true;
            lo[i] = Math.min(o.maxKw(), Math.max(o.minKw(), -o.roomKwh() / hours));
            hi[i] = Math.max(lo[i], Math.min(o.maxKw(), o.aboveFloorKwh() / hours));
            start[i] = Math.max(lo[i], Math.min(hi[i], 0));
            sumStart += start[i];
            sumLo += lo[i];
            sumHi += hi[i];
        }
        double rest = requestedKw - sumStart;
        double headroom = rest >= 0 ? sumHi - sumStart : sumStart - sumLo;
        double fraction = headroom > 0 ? Math.min(1, Math.abs(rest) / headroom) : 0;
        List<Split.Allocation> out = new ArrayList<>(n);
        double met = 0;
        for (int i = 0; i < n; i++) {
            double kw = 0;
            if (asked[i]) {
                double room = rest >= 0 ? hi[i] - start[i] : lo[i] - start[i];
                // the range's end itself when all of it is used: never past it by rounding
                kw = fraction == 1 ? start[i] + room : start[i] + fraction * room;
                kw = Math.max(lo[i], Math.min(hi[i], kw));
            }
            met += kw;
            out.add(new Split.Allocation(offers.get(i).site(), kw, asked[i]));
        }
        return new Split(requestedKw, List.copyOf(out), met, sumLo, sumHi);
    }

    /** An offer with finite numbers and a window that is one. */
    private static boolean usable(FleetOffer o) {
        return Double.isFinite(o.minKw())
                && Double.isFinite(o.maxKw())
                && o.minKw() <= o.maxKw()
                && o.aboveFloorKwh() >= 0
                && o.roomKwh() >= 0
                && Double.isFinite(o.aboveFloorKwh())
                && Double.isFinite(o.roomKwh());
    }
}

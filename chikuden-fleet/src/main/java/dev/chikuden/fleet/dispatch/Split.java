package dev.chikuden.fleet.dispatch;

import java.util.List;

/**
 * A portfolio request split across its sites.
 *
 * @param requestedKw the portfolio's battery power asked ({@code > 0} discharge)
 * @param allocations one per offer, in the offers' order
 * @param metKw what the allocations add up to: the request, or the nearest the sites allow
 * @param minKw the least the fresh sites could give together over the request's duration
 * @param maxKw the most they could give together
 */
public record Split(double requestedKw, List<Allocation> allocations, double metKw, double minKw, double maxKw) {
    /**
     * @param kw what the site is asked; 0 for a site not asked (stale, or no offer)
     * @param asked whether the site is sent a request at all
     */
    public record Allocation(String site, double kw, boolean asked) {}

    /** The part of the request the sites cannot give, kW (0 when met). */
    public double shortfallKw() {
        return requestedKw - metKw;
    }
}

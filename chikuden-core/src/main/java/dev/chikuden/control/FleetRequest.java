package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * The fleet's request: the battery power the portfolio asked of this site, held until it expires as
 * far as the layers above allow ({@code narrow(kw, kw)}, so lower layers cannot move it). It sits in
 * the canonical order below safety, the reserve, the grid code, the demand limiter and the
 * operator's manual setpoint, so the fleet never makes a site break its own limits or contract.
 * Expiry ends a request whose fleet went silent: the site returns to its own strategy by itself.
 *
 * <p>Each pass it also records the site's offer: the window the layers above leave (what the fleet
 * may ask now) and the energy between the reserve floor and the top. The link reads it from another
 * thread; the request and the offer each travel as one immutable holder behind a volatile field.
 */
public final class FleetRequest implements ControlLayer {
    public static final String NAME = "fleet";

    /** A held request: battery power ({@code > 0} discharge) until the expiry (UTC ms); {@code id} names it. */
    public record Request(long id, double kw, long expiresAtEpochMs) {}

    private final double reserveKwh;
    private final double contractKw;
    private volatile Request current;
    private volatile FleetOffer offer;
    private volatile boolean offering;

    /**
     * @param reserveKwh energy the layers above keep for backup, above the SOC floor
     * @param contractKw the grid contract: a request never charges the site past it (whatever the
     *     layers below or the site's own strategy do); 0 or infinite for none
     */
    public FleetRequest(double reserveKwh, double contractKw) {
        if (!(reserveKwh >= 0)) {
            throw new IllegalArgumentException("reserveKwh must be >= 0, was " + reserveKwh);
        }
        if (!(contractKw >= 0)) {
            throw new IllegalArgumentException("contractKw must be >= 0, was " + contractKw);
        }
        this.reserveKwh = reserveKwh;
        this.contractKw = contractKw > 0 ? contractKw : Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Holds the battery at {@code kw} until {@code expiresAtEpochMs}, replacing any request held. */
    public void set(long id, double kw, long expiresAtEpochMs) {
        if (!Double.isFinite(kw)) {
            throw new IllegalArgumentException("kw must be finite, was " + kw);
        }
        current = new Request(id, kw, expiresAtEpochMs);
    }

    public void clear() {
        current = null;
    }

    /** The request held, or null (it may already be past its expiry until the next pass). */
    public Request held() {
        return current;
    }

    /** Records the offer on every pass from now on (a study, which has no fleet, records none: no allocation per step). */
    public void recordOffers() {
        offering = true;
    }

    /** The offer of the last pass, or null before the first (or without {@link #recordOffers}). */
    public FleetOffer offer() {
        return offer;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        // the most charging the contract leaves: import = net load - battery <= contract
        double contractFloorKw = Math.min(0, m.netLoadKw() - contractKw);
        if (offering) {
            double floorKwh = battery.socMin() * battery.capacityKwh() + reserveKwh;
            double topKwh = battery.socMax() * battery.capacityKwh();
            double stored = battery.storedEnergyKwh();
            // a supervisory pass leaves the battery's own limits to the fast loop: the offer holds them too
            double hi = Math.min(window.maxKw(), battery.maxDischargeKw(m.stepS()));
            double lo =
                    Math.min(hi, Math.max(contractFloorKw, Math.max(window.minKw(), -battery.maxChargeKw(m.stepS()))));
            offer = new FleetOffer(m.epochMs(), lo, hi, Math.max(0, stored - floorKwh), Math.max(0, topKwh - stored));
        }
        Request r = current;
        if (r == null) {
            return;
        }
        if (m.epochMs() >= r.expiresAtEpochMs()) {
            return; // kept for the record of what was asked; it no longer acts
        }
        window.atLeastOnNet(contractFloorKw);
        window.narrow(r.kw(), r.kw());
        window.prefer(r.kw());
    }
}

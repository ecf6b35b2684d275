package dev.chikuden.fleet.dispatch;

import dev.chikuden.control.FleetOffer;

/**
 * One site's offer as the fleet dispatches it.
 *
 * @param site the site's id
 * @param fresh whether the site spoke within the fleet's staleness window; a stale site is asked nothing
 * @param offer what the site's layers above the fleet's left it, or null when it has not said
 */
public record SiteOffer(String site, boolean fresh, FleetOffer offer) {}

package dev.chikuden.fleet.ven;

/**
 * The portfolio as the fresh sites last reported it.
 *
 * @param gridKw the sites' grid powers together ({@code > 0} import)
 * @param netLoadKw their load less PV together: the grid power without the batteries
 */
public record PortfolioNow(long epochMs, double gridKw, double netLoadKw) {}

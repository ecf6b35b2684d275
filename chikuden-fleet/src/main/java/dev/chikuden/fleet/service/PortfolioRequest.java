package dev.chikuden.fleet.service;

/**
 * What the portfolio is asked: a battery power for all its sites together until an end.
 *
 * @param id numbers the requests the service accepted, from 1
 * @param kw the portfolio's battery power, {@code > 0} discharge
 * @param untilEpochMs when the request ends (UTC ms)
 * @param source who asked: {@code api} or a VTN's event
 */
public record PortfolioRequest(long id, double kw, long untilEpochMs, String source) {
    /** Seconds left at {@code nowMs}, at least one cycle's worth so the split has a duration. */
    double remainingS(long nowMs, long cycleMs) {
        return Math.max(cycleMs, untilEpochMs - nowMs) / 1000.0;
    }
}

package dev.chikuden.fleet.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/**
 * The fleet service's settings: the fleet file, read and checked.
 *
 * @param name the portfolio's name
 * @param cycleMs the dispatch cycle: the request is split and sent this often
 * @param staleCycles a site not heard from for this many cycles is stale: asked nothing, its share re-split
 * @param expiryCycles a request sent to a site holds this many cycles unless renewed, so a site whose
 *     fleet goes silent returns to its own strategy by itself
 * @param bind the address the service listens on
 * @param port its port (0: any free one)
 * @param token the write token of the REST API (never shown)
 * @param sites the portfolio's sites
 * @param auditLog where every accepted or refused write is appended
 */
public record FleetConfig(
        String name,
        long cycleMs,
        int staleCycles,
        int expiryCycles,
        String bind,
        int port,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String token,

        List<Site> sites,
        Path auditLog) {
    public FleetConfig {
        sites = List.copyOf(sites);
    }

    /** A site of the portfolio and the token its link must present (never shown). */
    public record Site(
            String id,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String token) {}

    public FleetConfig withPort(int newPort) {
        return new FleetConfig(name, cycleMs, staleCycles, expiryCycles, bind, newPort, token, sites, auditLog);
    }
}

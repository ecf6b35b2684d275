package dev.chikuden.openadr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the VEN's link to its VTN stands: whether the last poll worked, when one last did, the last
 * error, how many polls in a row failed, the VEN's object id once registered, and the configured
 * programs the VTN does not have (yet).
 */
public record VenStatus(
        boolean lastPollOk,
        Optional<Instant> lastSuccess,
        Optional<String> lastError,
        int consecutiveFailures,
        Optional<String> venId,
        List<String> missingPrograms) {

    public VenStatus {
        missingPrograms = List.copyOf(missingPrograms);
    }

    static final VenStatus NOT_STARTED =
            new VenStatus(false, Optional.empty(), Optional.empty(), 0, Optional.empty(), List.of());
}

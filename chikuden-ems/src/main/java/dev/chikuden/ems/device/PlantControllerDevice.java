package dev.chikuden.ems.device;

import java.util.concurrent.CompletableFuture;

/**
 * A plant controller (PPC) hosting the site's fast layers: the EMS writes it the supervisory
 * layers' held requests each cycle, it commands the units between. Calls never block; a future
 * fails when the device does not answer within its timeout and retries.
 */
public interface PlantControllerDevice extends AutoCloseable {
    String name();

    /** Where the device answers, for people. */
    String address();

    /** How many stack layers its register block holds requests for. */
    int layers();

    /** Writes the whole block: the held requests and the supervised net load, then enable and heartbeat. */
    CompletableFuture<Void> write(PlantBlock block);

    /** Writes enable 0: the units follow their own setpoints again. */
    CompletableFuture<Void> disable();

    /** What it did last: its command, the layer that decided it, its fast cycles. */
    CompletableFuture<PlantStatus> readStatus();

    @Override
    void close();
}

package dev.chikuden.ems.device;

import java.util.concurrent.CompletableFuture;

/**
 * A battery unit the service talks to. Calls never block: many units are read and written in
 * parallel within one cycle. A future fails when the device does not answer within its timeout
 * and retries; the driver reconnects by itself with back-off.
 */
public interface BessDevice extends AutoCloseable {
    String name();

    /** Where the device answers, for people ({@code 127.0.0.1:1502 unit 1}). */
    String address();

    CompletableFuture<BessReading> read();

    /** Commands the unit's active power ({@code > 0} discharge, kW). */
    CompletableFuture<Void> writeSetpoint(double kw);

    @Override
    void close();
}

package dev.chikuden.ems.device;

import java.util.concurrent.CompletableFuture;

/** The grid meter at the point of connection; like {@link BessDevice}, never blocks. */
public interface GridMeterDevice extends AutoCloseable {
    String name();

    String address();

    CompletableFuture<MeterReading> read();

    @Override
    void close();
}

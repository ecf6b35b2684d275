package dev.chikuden.ems.runtime;

import dev.chikuden.ems.device.GridMeterDevice;
import dev.chikuden.ems.device.MeterReading;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** The grid meter of a {@link FakeSite}: grid power, frequency and the import and export counters. */
final class FakeMeter implements GridMeterDevice {
    private final FakeSite site;
    volatile boolean silent;
    volatile double frequencyHz = 60;
    /** A meter without an import counter reads NaN there. */
    volatile boolean noCounter;

    boolean closed;
    private double importKwh;
    private double exportKwh;

    FakeMeter(FakeSite site) {
        this.site = site;
    }

    /** Counts {@code gridKw} held for {@code dtS}. */
    synchronized void count(double gridKw, double dtS) {
        importKwh += Math.max(0, gridKw) * dtS / 3600;
        exportKwh += Math.max(0, -gridKw) * dtS / 3600;
    }

    synchronized double importKwh() {
        return importKwh;
    }

    @Override
    public String name() {
        return "meter";
    }

    @Override
    public String address() {
        return "127.0.0.1:1502 unit 100";
    }

    @Override
    public CompletableFuture<MeterReading> read() {
        if (silent) {
            return CompletableFuture.failedFuture(new TimeoutException("no response within 250 ms after 1 retry"));
        }
        site.settle();
        double grid = site.gridKw();
        synchronized (this) {
            return CompletableFuture.completedFuture(new MeterReading(
                    grid, frequencyHz, noCounter ? Double.NaN : importKwh, exportKwh, site.clock.epochMs()));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}

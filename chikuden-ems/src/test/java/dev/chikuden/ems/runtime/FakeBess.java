package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.ems.device.BessDevice;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A battery unit backed by a chikuden-core {@link BatterySystem}: it honours its limits and SOC
 * window whatever it is told. It reports what the model can do over the cycle (scaled by a derating
 * the test may set), or, when told to lie, its full ratings whatever its SOC. It can go silent (its
 * reads fail as a driver's do after its timeout), never answer (the future never completes), hang
 * (the read call itself blocks, as a broken driver might) and refuse writes. It records every
 * setpoint written with the reading the runtime had seen just before.
 */
final class FakeBess implements BessDevice {
    enum Reads {
        ANSWER,
        SILENT,
        NEVER,
        HANG
    }

    /** A setpoint written, and the last reading the unit gave before it. */
    record Write(long epochMs, double kw, BessReading seen) {}

    private final FakeSite site;
    private final BatteryParameters parameters;
    private final String address;
    private final double stepS;
    final BatterySystem battery;
    final List<Write> writes = new ArrayList<>();

    volatile Reads reads = Reads.ANSWER;
    volatile boolean refuseWrites;
    volatile BatteryUnitState state = BatteryUnitState.RUNNING;
    volatile int alarmBits;
    volatile double derate = 1;
    volatile boolean lies;
    /** Each read moves the manual clock this far first (the read's latency). */
    volatile long readLatencyNanos;

    volatile CountDownLatch hangEntered = new CountDownLatch(1);
    final CountDownLatch hangRelease = new CountDownLatch(1);
    boolean closed;
    final java.util.concurrent.atomic.AtomicInteger readCalls = new java.util.concurrent.atomic.AtomicInteger();

    private double setpointKw;
    private double powerKw;
    private BessReading last;

    FakeBess(FakeSite site, BatteryParameters parameters, String address, double stepS) {
        this.site = site;
        this.parameters = parameters;
        this.address = address;
        this.stepS = stepS;
        this.battery = new BatterySystem(parameters);
    }

    /** Delivers the setpoint for {@code dtS} (0 when faulted); returns the power delivered. */
    synchronized double advance(double dtS) {
        powerKw = battery.apply(state == BatteryUnitState.FAULT ? 0 : setpointKw, dtS);
        return powerKw;
    }

    synchronized double powerKw() {
        return powerKw;
    }

    synchronized double setpointKw() {
        return setpointKw;
    }

    @Override
    public String name() {
        return parameters.name();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public CompletableFuture<BessReading> read() {
        readCalls.incrementAndGet();
        if (readLatencyNanos > 0) {
            site.clock.advanceNanos(readLatencyNanos);
        }
        switch (reads) {
            case SILENT -> {
                return CompletableFuture.failedFuture(new TimeoutException("no response within 250 ms after 1 retry"));
            }
            case NEVER -> {
                return new CompletableFuture<>();
            }
            case HANG -> {
                hangEntered.countDown();
                try {
                    hangRelease.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {}
        }
        site.settle();
        return CompletableFuture.completedFuture(reading());
    }

    synchronized BessReading reading() {
        double maxDischarge =
                lies ? parameters.dischargePowerKw() : Math.max(0, battery.maxDischargeKw(stepS)) * derate;
        double maxCharge = lies ? parameters.chargePowerKw() : Math.max(0, battery.maxChargeKw(stepS)) * derate;
        last = new BessReading(
                powerKw,
                battery.soc(),
                battery.socMin(),
                battery.socMax(),
                battery.capacityKwh(),
                battery.stateOfHealth(),
                maxDischarge,
                maxCharge,
                setpointKw,
                state,
                alarmBits,
                site.clock.epochMs());
        return last;
    }

    @Override
    public CompletableFuture<Void> writeSetpoint(double kw) {
        if (refuseWrites) {
            return CompletableFuture.failedFuture(new IOException("Modbus exception 0x04 (slave device failure)"));
        }
        site.settle(); // the old setpoint held until now
        synchronized (this) {
            setpointKw = kw;
            writes.add(new Write(site.clock.epochMs(), kw, last));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The last setpoint written, NaN when none. */
    synchronized double lastWrittenKw() {
        return writes.isEmpty() ? Double.NaN : writes.get(writes.size() - 1).kw();
    }

    synchronized int writeCount() {
        return writes.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}

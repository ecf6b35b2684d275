package dev.chikuden.ems.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconnecting with back-off, on a clock the test moves (the connection attempts themselves are real). */
class ModbusConnectionTest {
    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMs(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private static String failure(ModbusConnection c) throws InterruptedException {
        try {
            c.readHolding(1, 40000, 2).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DeviceException.class);
            return e.getCause().getMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the read succeeded");
    }

    @Test
    void theWaitStartsAtTheConfiguredBackoffAndDoublesUpTo30Seconds() throws Exception {
        int port = TestSites.freePort(); // nobody listens
        try (ModbusConnection c = new ModbusConnection("127.0.0.1", port, 250, 0, 1000, nanos::get)) {
            assertThat(failure(c)).startsWith("127.0.0.1:" + port + ": cannot connect: ");
            long[] waits = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
            for (long wait : waits) {
                assertThat(failure(c))
                        .isEqualTo("127.0.0.1:" + port + ": not connected; next attempt in " + wait + " ms");
                advanceMs(wait - 1);
                assertThat(failure(c)).endsWith("next attempt in 1 ms");
                advanceMs(1);
                assertThat(failure(c)).contains("cannot connect");
            }
        }
    }

    @Test
    void aLostConnectionIsRetriedAfterTheFirstBackoffAgain() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        int port = TestSites.freePort();
        EmsConfig.Devices devices = EmsConfigReader.read(site).devices();
        TestSites.ManualClock simClock = new TestSites.ManualClock();
        try (ModbusConnection c = new ModbusConnection("127.0.0.1", port, 1000, 0, 1000, nanos::get)) {
            assertThat(failure(c)).contains("cannot connect");
            assertThat(failure(c)).endsWith("next attempt in 1000 ms");
            advanceMs(1000);
            assertThat(failure(c)).contains("cannot connect");
            assertThat(failure(c)).endsWith("next attempt in 2000 ms");

            DeviceSimulator sim = new DeviceSimulator(
                    site, devices, RegisterMap.load(EmsConfig.SUNSPEC), DeviceSimulator.Options.manual(100, simClock));
            sim.start("127.0.0.1", port);
            advanceMs(2000);
            assertThat(c.readHolding(1, 40000, 2).get(10, TimeUnit.SECONDS)).containsExactly('S', 'u', 'n', 'S');
            assertThat(c.generation()).isEqualTo(1);

            sim.close();
            String message = failure(c);
            for (int i = 0; i < 200 && !message.contains("not connected"); i++) {
                Thread.sleep(10); // until the client has seen the connection close
                message = failure(c);
            }
            assertThat(message).endsWith("not connected; next attempt in 1000 ms");
        }
    }
}

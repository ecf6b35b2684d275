package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.DeviceConnections;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EMS at 1 s against the twin with its plant controller, over Modbus on loopback in real time:
 * the EMS supervises and writes the PPC the backup reserve's held bounds; the PPC's 20 ms grid-code
 * smoothing keeps the grid's 1-s ramps under a limit that the same run with the PPC switched off
 * (the units then do nothing: the EMS commands only the PPC) breaks. Two runs of about 12 s.
 */
class PlantControllerLinkTest {
    @TempDir
    Path dir;

    /**
     * 1-s load steps of several hundred kW (40 % noise on 1 MW), units of 2.5 MW together, with room to charge
     * and discharge; the smoothing in a device at 20 ms.
     */
    private static final String SITE = TestSites.SMALL
            .replace(TestSites.INSTANT, "")
            .replace("base: 1 MW}", "base: 1 MW, noise: 40 %, seed: 7}")
            .replace("initial: 90 %}", "initial: 50 %}")
            .replace("power: 400 kW", "power: 1.5 MW")
            .replace("power: 250 kW", "power: 1 MW")
            .replace("strategy: {type: idle}", """
                    control: {supervisory: {period: 1 s}, fast: {period: 20 ms, host: device},
                              meterDelay: 10 ms, commandDelay: 10 ms,
                              converter: {timeConstant: 20 ms, ramp: 1000 MW/s}}
                    strategy:
                      type: stack
                      controllers:
                        - {type: backup-reserve, criticalLoad: 100 kW, duration: 15 min}
                        - {type: grid-code-smoothing, maxRamp: 50 kW/s, tolerance: 10 kW, filter: 60 s}
                    """);

    private static final int SECONDS = 10;
    private static final int SETTLE_S = 2;

    @Test
    void thePlantControllerTheEmsSupervisesKeepsTheGridRampsThatWithoutItBreakTheLimit() throws Exception {
        double with = largestOneSecondRamp(true);
        double without = largestOneSecondRamp(false);
        System.out.printf(
                "EMS + PPC, largest 1-s grid ramp over %d s: with the PPC %.1f kW/s, without %.1f kW/s%n",
                SECONDS, with, without);
        double limit = 150;
        assertThat(with).isLessThan(limit);
        assertThat(without).isGreaterThan(limit);
    }

    /** Means of the twin meter's ticks over whole simulated seconds. */
    private static final class Seconds implements DeviceSimulator.TickListener {
        private final double[] sum = new double[120];
        private final int[] ticks = new int[120];

        @Override
        public synchronized void tick(long simulatedMs, double gridKw, double loadKw, double batteryKw) {
            int s = (int) ((simulatedMs - 1) / 1000);
            if (s < sum.length) {
                sum[s] += gridKw;
                ticks[s]++;
            }
        }

        synchronized double mean(int s) {
            return sum[s] / ticks[s];
        }
    }

    private double largestOneSecondRamp(boolean ppcOn) throws Exception {
        SiteConfig site = TestSites.read(dir, SITE);
        int port = TestSites.freePort();
        EmsConfig config = EmsConfigReader.read(site).withDevicesAt("127.0.0.1", port);
        Seconds seconds = new Seconds();
        DeviceSimulator.Options options =
                new DeviceSimulator.Options(10, () -> System.nanoTime() / 1_000_000, true).toldEachTick(seconds);
        try (DeviceSimulator twin =
                new DeviceSimulator(site, config.devices(), RegisterMap.load(EmsConfig.SUNSPEC), options)) {
            twin.plantControllerOff(!ppcOn);
            twin.start("127.0.0.1", port);
            DeviceConnections devices = DeviceConnections.open(site, config.devices());
            assertThat(devices.plantController()).isNotNull();
            devices.prepare().get(5, TimeUnit.SECONDS);
            try (EmsRuntime ems = new EmsRuntime(
                    site,
                    config,
                    devices.batteries(),
                    devices.meter(),
                    devices.plantController(),
                    new MemoryStore(),
                    CycleClock.SYSTEM)) {
                ems.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ems.state() != EmsState.RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(ems.state()).isEqualTo(EmsState.RUNNING);
                int first = (int) (twin.simulatedMs() / 1000) + SETTLE_S;
                while (twin.simulatedMs() < (first + SECONDS + 1) * 1000L) {
                    Thread.sleep(100);
                }
                assertThat(ems.state())
                        .as("no write failed, nothing went silent")
                        .isEqualTo(EmsState.RUNNING);
                FastLoopStatus fast = ems.fastLoop();
                assertThat(fast.host()).isEqualTo("device");
                assertThat(fast.commands()).as("blocks the PPC acknowledged").isGreaterThanOrEqualTo(SECONDS);
                if (ppcOn) { // 20 ms cycles while enabled: about 50 a second
                    assertThat(fast.cycles()).isGreaterThan(40L * SECONDS);
                    assertThat(twin.plantCommandKw()).isFinite();
                } else {
                    assertThat(fast.cycles()).isZero();
                }
                double worst = 0;
                for (int s = first + 1; s <= first + SECONDS; s++) {
                    worst = Math.max(worst, Math.abs(seconds.mean(s) - seconds.mean(s - 1)));
                }
                return worst;
            } finally {
                devices.close();
            }
        }
    }
}

package dev.chikuden.cli.parity;

import dev.chikuden.ems.LiveService;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The twin and the live service in this process on loopback, in real time: the twin starts at the
 * run's site time, the service cycles the site's stack against it, the twin meter's ticks are
 * recorded as step means over the window. Both stop when the window has passed.
 */
final class LiveRun {
    private LiveRun() {}

    /**
     * @param stateDir the service's state directory (store, audit log): a temporary one
     */
    static ParityTrace run(SiteConfig site, ParityWindow w, Path stateDir) throws InterruptedException {
        EmsConfig config = config(site, stateDir, freePort());
        long tickMs = gcd(w.stepMs(), SiteConfigReader.MIN_STEP_MS);
        StepMeans means = new StepMeans(w, tickMs);
        DeviceSimulator.Options options = new DeviceSimulator.Options(tickMs, () -> System.nanoTime() / 1_000_000, true)
                .startingAt(w.runStartMs())
                .toldEachTick(means);
        long controlFromMs;
        try (DeviceSimulator twin = new DeviceSimulator(
                site, config.devices(), RegisterMap.load(config.devices().registerMap()), options)) {
            means.attach(twin);
            twin.start(EmsConfigReader.DEFAULT_HOST, config.devices().meter().port());
            try (LiveService service = LiveService.start(site, config)) {
                long endMs = w.leadInMs() + w.durationMs();
                while (!means.complete()) {
                    long left = endMs - twin.simulatedMs();
                    Thread.sleep(Math.max(20, Math.min(500, left)));
                }
            }
            controlFromMs = twin.controlFromMs();
        }
        // the study's loops take over where live control did, so both start their filters from the same
        // load (a 5-minute filter started a second apart differs through the whole window)
        return means.trace().controlFrom(Math.max(0, controlFromMs));
    }

    /** The site's live settings on loopback: devices at {@code devicePort}, the API on a free port, a random token. */
    static EmsConfig config(SiteConfig site, Path stateDir, int devicePort) {
        EmsConfig base = EmsConfigReader.read(site, Map.of(EmsConfigReader.TOKEN_ENV, randomToken()));
        EmsConfig config = new EmsConfig(
                        base.cycleMs(),
                        base.silentCycles(),
                        base.safeSetpointKw(),
                        base.watchdogMs(),
                        base.devices(),
                        new EmsConfig.Http(
                                EmsConfigReader.DEFAULT_HOST, 0, randomToken(), "a random string of chikuden parity"),
                        new EmsConfig.Store(
                                stateDir.resolve("telemetry.duckdb"),
                                null,
                                null,
                                null,
                                base.store().rawRetentionMs(),
                                base.store().aggregateMs(),
                                base.store().aggregateRetentionMs()),
                        stateDir.resolve("audit.log"),
                        stateDir)
                .withDevicesAt(EmsConfigReader.DEFAULT_HOST, devicePort);
        return config;
    }

    static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

package dev.chikuden.fleet.service;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fleet and its sites in one JVM, all on loopback: each site a digital twin serving its devices
 * over Modbus TCP and a live service linked to the fleet, as they run apart in production.
 */
final class FleetRig implements AutoCloseable {
    static final long CYCLE_MS = 200;
    static final String FLEET_TOKEN = "fleet-write-token-0123456789";

    /** A site of the rig: its battery rating and what runs it. */
    static final class Site {
        final String id;
        final double powerKw;
        final SiteConfig config;
        DeviceSimulator twin;
        LiveService service;

        Site(String id, double powerKw, SiteConfig config) {
            this.id = id;
            this.powerKw = powerKw;
            this.config = config;
        }

        void stop() {
            if (service != null) {
                service.close();
                service = null;
            }
        }
    }

    FleetService fleet;
    final List<Site> sites = new ArrayList<>();

    private final Path dir;

    /** @param powersKw one site per entry: its battery power (energy 1 MWh each), linked straight to the fleet */
    FleetRig(Path dir, double... powersKw) {
        this(dir, powersKw.length);
        try {
            for (int i = 0; i < powersKw.length; i++) {
                add(i, powersKw[i], url(fleet.port()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A fleet that knows {@code siteCount} sites, none started yet ({@link #add}). */
    FleetRig(Path dir, int siteCount) {
        this(dir, siteCount, null);
    }

    /** The same, the fleet a VEN of a VTN when {@code ven} is not null. */
    FleetRig(Path dir, int siteCount, dev.chikuden.fleet.ven.VenBridge ven) {
        this.dir = dir;
        List<FleetConfig.Site> entries = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            entries.add(new FleetConfig.Site("site-" + (i + 1), token(i)));
        }
        fleet = FleetService.start(config(entries, 0), ven);
    }

    FleetConfig config(List<FleetConfig.Site> entries, int port) {
        return new FleetConfig(
                "rig", CYCLE_MS, 3, 5, "127.0.0.1", port, FLEET_TOKEN, entries, dir.resolve("fleet-audit.jsonl"));
    }

    static String url(int port) {
        return "ws://127.0.0.1:" + port + FleetApi.EDGE;
    }

    /** Starts site {@code i} (from 0) linked to the fleet at {@code fleetUrl}. */
    Site add(int i, double powerKw, String fleetUrl) {
        Site s = startSite(dir.resolve("site-" + (i + 1)), i, powerKw, fleetUrl);
        sites.add(s);
        return s;
    }

    static String token(int i) {
        return "site-token-" + i + "-0123456789abcdef";
    }

    /** The site's file: a 1 MW load under a 2 MW contract, a battery held by the fleet, nothing else. */
    static String yaml(int i, double powerKw, int devicePort, String fleetUrl) {
        return """
                name: fleet site %d
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                batteries:
                  - {name: bess, energy: 1 MWh, power: %s kW, soc: {min: 10 %%, max: 90 %%, initial: 60 %%}}
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy: {type: idle}
                control: {supervisory: {period: %d ms}, meterDelay: 0 ms, commandDelay: 0 ms, converter: {timeConstant: 0 s}}
                ems:
                  stateDir: state
                  silentCycles: 3
                  devices: {port: %d, timeout: 150 ms, backoff: 100 ms}
                  http: {port: 0}
                  fleet: {url: '%s', site: site-%d, token: %s}
                """.formatted(i + 1, powerKw, CYCLE_MS, devicePort, fleetUrl, i + 1, token(i));
    }

    private static Site startSite(Path dir, int i, double powerKw, String fleetUrl) {
        try {
            Files.createDirectories(dir);
            int devicePort = freePort();
            Path file = dir.resolve("site.yaml");
            Files.writeString(file, yaml(i, powerKw, devicePort, fleetUrl));
            SiteConfig config = SiteConfigReader.read(file);
            Site s = new Site("site-" + (i + 1), powerKw, config);
            EmsConfig ems = EmsConfigReader.read(config, Map.of());
            s.twin = new DeviceSimulator(
                    config,
                    ems.devices(),
                    RegisterMap.load(ems.devices().registerMap()),
                    DeviceSimulator.Options.defaults());
            s.twin.start("127.0.0.1", devicePort);
            s.service = LiveService.start(config, ems);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Site s : sites) {
            s.stop();
            if (s.twin != null) {
                s.twin.close();
            }
        }
        fleet.close();
    }
}

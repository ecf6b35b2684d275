package dev.chikuden.ems;

import dev.chikuden.BadInputException;
import dev.chikuden.ems.api.ApiServer;
import dev.chikuden.ems.api.SiteLimits;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.device.DeviceConnections;
import dev.chikuden.ems.fleet.FleetLink;
import dev.chikuden.ems.runtime.CycleClock;
import dev.chikuden.ems.runtime.EmsRuntime;
import dev.chikuden.ems.store.TelemetryStore;
import dev.chikuden.ems.store.TelemetryStores;
import dev.chikuden.site.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live EMS put together: the telemetry store, the device connections, the runtime that cycles the
 * site's controller stack, and the API with its dashboard. What {@code chikuden serve} starts; the
 * end-to-end tests start it the same way.
 */
public final class LiveService implements AutoCloseable {
    /** How long the start waits for the devices to answer before it starts cycling anyway. */
    static final long PREPARE_WAIT_MS = 5_000;

    private final EmsConfig config;
    private final DeviceConnections devices;
    private final EmsRuntime runtime;
    private final ApiServer api;
    private final FleetLink fleet;

    private LiveService(
            EmsConfig config, DeviceConnections devices, EmsRuntime runtime, ApiServer api, FleetLink fleet) {
        this.config = config;
        this.devices = devices;
        this.runtime = runtime;
        this.api = api;
        this.fleet = fleet;
    }

    /**
     * Opens everything, then starts cycling. Nothing is left open when a part fails to start.
     *
     * @throws BadInputException when the store cannot be opened or the API's port is taken (the
     *                           message says which setting to change)
     */
    public static LiveService start(SiteConfig site, EmsConfig config) {
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new BadInputException("ems.stateDir: cannot create " + config.stateDir() + " (" + e.getMessage()
                    + "); give the service a writable state directory");
        }
        TelemetryStore store = TelemetryStores.open(config.store(), config.cycleMs());
        DeviceConnections devices = null;
        EmsRuntime runtime = null;
        try {
            devices = DeviceConnections.open(site, config.devices());
            awaitDevices(devices);
            runtime = new EmsRuntime(
                    site,
                    config,
                    devices.batteries(),
                    devices.meter(),
                    devices.plantController(),
                    store,
                    CycleClock.SYSTEM);
            ApiServer api = ApiServer.start(runtime, config, SiteLimits.of(site));
            FleetLink fleet = config.fleet() == null ? null : FleetLink.start(site, config.fleet(), runtime);
            runtime.start();
            return new LiveService(config, devices, runtime, api, fleet);
        } catch (IOException e) {
            closeQuietly(runtime, devices, store);
            throw new BadInputException(e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(runtime, devices, store);
            throw e;
        }
    }

    /**
     * Connects to every device and reads its scale factors and ratings before the first cycle, so that
     * the first cycles read one block a device instead of counting as silent while a hundred connections
     * open. A device not there after {@link #PREPARE_WAIT_MS} is no error: the runtime then finds it
     * silent, goes safe with an alarm and the driver keeps reconnecting.
     */
    private static void awaitDevices(DeviceConnections devices) {
        try {
            devices.prepare().get(PREPARE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported by the runtime's first cycles, with the device's address
        }
    }

    public EmsRuntime runtime() {
        return runtime;
    }

    public EmsConfig config() {
        return config;
    }

    /** The link to the fleet, or null when {@code ems.fleet} is not set. */
    public FleetLink fleetLink() {
        return fleet;
    }

    /** The API's port (the configured one, or the one the system chose for port 0). */
    public int httpPort() {
        return api.port();
    }

    /** Stops the API, writes the safe setpoint to every unit, closes the devices and the store. */
    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        api.close();
        runtime.close();
        devices.close();
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable p : parts) {
            if (p == null) {
                continue;
            }
            try {
                p.close();
            } catch (Exception e) {
                // already failing: the first cause is what the user needs to see
            }
        }
    }

    /** For the command line's shutdown hook: closes and reports a failure instead of throwing. */
    public void closeOnShutdown(java.io.PrintStream err) {
        try {
            close();
        } catch (RuntimeException e) {
            err.println("chikuden serve: shutdown: " + e.getMessage());
        }
    }
}

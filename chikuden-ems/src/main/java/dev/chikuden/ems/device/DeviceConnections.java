package dev.chikuden.ems.device;

import dev.chikuden.BadInputException;
import dev.chikuden.control.ControlChain;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.site.SiteConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The site's devices as configured: one driver per battery and one for the grid meter (and one for
 * the plant controller when the site's fast loop runs in it), one shared connection per host:port. A connection closes when the last device on it closes; closing this
 * closes everything.
 */
public final class DeviceConnections implements AutoCloseable {
    private final RegisterMap registerMap;
    private final Map<String, Shared> connections = new HashMap<>();
    private final List<ModbusBessDevice> batteries = new ArrayList<>();
    private final ModbusGridMeter meter;
    private final ModbusPlantController plantController;

    /** A connection and the devices still using it. */
    private static final class Shared {
        final ModbusConnection connection;
        int users;

        Shared(ModbusConnection connection) {
            this.connection = connection;
        }
    }

    private DeviceConnections(
            EmsConfig.Devices devices, RegisterMap registerMap, LongSupplier nanoClock, boolean withPlantController) {
        this.registerMap = registerMap;
        for (EmsConfig.Endpoint e : devices.batteries()) {
            batteries.add(new ModbusBessDevice(
                    e.name(), connection(e, devices, nanoClock), e.unitId(), registerMap.bess(), release(e)));
        }
        EmsConfig.Endpoint m = devices.meter();
        meter = new ModbusGridMeter(
                m.name(), connection(m, devices, nanoClock), m.unitId(), registerMap.meter(), release(m));
        EmsConfig.Endpoint p = devices.plantController();
        plantController = withPlantController
                ? new ModbusPlantController(
                        p.name(),
                        connection(p, devices, nanoClock),
                        p.unitId(),
                        registerMap.plantController(),
                        release(p))
                : null;
    }

    /**
     * Drivers for {@code devices}, with the plant controller's when {@code site}'s fast loop runs in a
     * device ({@code control.fast.host: device}).
     *
     * @throws BadInputException when the site needs a plant controller the register map does not lay out
     */
    public static DeviceConnections open(SiteConfig site, EmsConfig.Devices devices) {
        RegisterMap map = RegisterMap.load(devices.registerMap());
        ControlChain chain = site.control();
        boolean plant = chain != null && chain.fastHost() == ControlChain.FastHost.DEVICE;
        if (plant && map.plantController() == null) {
            throw new BadInputException(site.source() + ": control.fast.host is device but register map " + map.name()
                    + " has no plantController section to drive it by");
        }
        return new DeviceConnections(devices, map, System::nanoTime, plant);
    }

    /**
     * Drivers for {@code devices}, with the register map they name.
     *
     * @throws dev.chikuden.config.ConfigException when the register map file is bad
     */
    public static DeviceConnections open(EmsConfig.Devices devices) {
        return open(devices, RegisterMap.load(devices.registerMap()));
    }

    public static DeviceConnections open(EmsConfig.Devices devices, RegisterMap registerMap) {
        return new DeviceConnections(devices, registerMap, System::nanoTime, false);
    }

    /** With the clock the reconnect back-off is measured by. */
    static DeviceConnections open(EmsConfig.Devices devices, RegisterMap registerMap, LongSupplier nanoClock) {
        return new DeviceConnections(devices, registerMap, nanoClock, false);
    }

    /**
     * Connects to every device and reads what each reads once per connection (scale factors,
     * ratings), so that the first control cycle reads only what changes, in one request a device.
     * Fails when a device does not answer; the drivers work without it (their first reading does it).
     */
    public CompletableFuture<Void> prepare() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        batteries.forEach(b -> all.add(b.prepare()));
        all.add(meter.prepare());
        if (plantController != null) {
            all.add(plantController.prepare());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** One driver per battery, in the configuration's order. */
    public List<BessDevice> batteries() {
        return List.copyOf(batteries);
    }

    public GridMeterDevice meter() {
        return meter;
    }

    /** The plant controller's driver, null unless the site's fast loop runs in one. */
    public PlantControllerDevice plantController() {
        return plantController;
    }

    public RegisterMap registerMap() {
        return registerMap;
    }

    private synchronized ModbusConnection connection(EmsConfig.Endpoint e, EmsConfig.Devices d, LongSupplier clock) {
        Shared s = connections.computeIfAbsent(
                key(e),
                k -> new Shared(
                        new ModbusConnection(e.host(), e.port(), d.timeoutMs(), d.retries(), d.backoffMs(), clock)));
        s.users++;
        return s.connection;
    }

    private Runnable release(EmsConfig.Endpoint e) {
        boolean[] released = {false};
        return () -> {
            synchronized (this) {
                Shared s = connections.get(key(e));
                if (released[0] || s == null) {
                    return;
                }
                released[0] = true;
                if (--s.users == 0) {
                    connections.remove(key(e));
                    s.connection.close();
                }
            }
        };
    }

    private static String key(EmsConfig.Endpoint e) {
        return e.host() + ":" + e.port();
    }

    @Override
    public void close() {
        batteries.forEach(ModbusBessDevice::close);
        meter.close();
        if (plantController != null) {
            plantController.close();
        }
    }
}

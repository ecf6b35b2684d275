package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;
import dev.chikuden.ems.modbus.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The grid meter over Modbus TCP; a point the map lacks reads as NaN. */
public final class ModbusGridMeter implements GridMeterDevice {
    private final String name;
    private final UnitLink link;
    private final Runnable onClose;
    private final Point power;
    private final Point frequency;
    private final Point imported;
    private final Point exported;

    ModbusGridMeter(String name, ModbusConnection connection, int unitId, DeviceMap map, Runnable onClose) {
        this.name = name;
        this.onClose = onClose;
        power = map.point(Role.POWER);
        frequency = map.point(Role.FREQUENCY);
        imported = map.point(Role.IMPORT_ENERGY);
        exported = map.point(Role.EXPORT_ENERGY);
        List<Point> needed = new ArrayList<>();
        for (Point p : new Point[] {power, frequency, imported, exported}) {
            if (p != null) {
                needed.add(p);
            }
        }
        this.link = new UnitLink(connection, unitId, map, needed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return link.address();
    }

    @Override
    public CompletableFuture<MeterReading> read() {
        return link.read().thenApply(r -> new MeterReading(r.get(power), get(r, frequency), get(r, imported),
                get(r, exported), System.currentTimeMillis()));
    }

    /** Connects and reads what is read once per connection. */
    CompletableFuture<Void> prepare() {
        return link.statics().thenAccept(image -> { });
    }

    private static double get(RegisterImage r, Point p) {
        return p == null ? Double.NaN : r.get(p);
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String toString() {
        return name + " at " + address();
    }
}

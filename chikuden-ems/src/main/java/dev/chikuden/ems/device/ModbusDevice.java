package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What a battery unit and a grid meter over Modbus TCP share: a name, its registers at its unit id, closing. */
abstract class ModbusDevice {
    private final String name;
    private final Runnable onClose;
    final DeviceRegisters registers;

    /** @param read the points one reading takes; those the map lacks (null) are left out */
    ModbusDevice(
            String name, ModbusConnection connection, int unitId, DeviceMap map, List<Point> read, Runnable onClose) {
        this.name = name;
        this.onClose = onClose;
        List<Point> present = new ArrayList<>();
        for (Point p : read) {
            if (p != null) {
                present.add(p);
            }
        }
        this.registers = new DeviceRegisters(connection, unitId, map, present);
    }

    public String name() {
        return name;
    }

    public String address() {
        return registers.address();
    }

    /** Connects and reads what is read once per connection. */
    CompletableFuture<Void> prepare() {
        return registers.statics().thenAccept(image -> {});
    }

    public void close() {
        onClose.run();
    }

    /** A point's value, NaN where the map has no such point. */
    static double valueOrNaN(RegisterImage r, Point p) {
        return p == null ? Double.NaN : r.get(p);
    }

    @Override
    public String toString() {
        return name + " at " + address();
    }
}

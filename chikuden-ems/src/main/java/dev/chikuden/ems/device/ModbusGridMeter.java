package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.Role;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** The grid meter over Modbus TCP; a point the map lacks reads as NaN. */
final class ModbusGridMeter extends ModbusDevice implements GridMeterDevice {
    private final Point power;
    private final Point frequency;
    private final Point imported;
    private final Point exported;

    ModbusGridMeter(String name, ModbusConnection connection, int unitId, DeviceMap map, Runnable onClose) {
        super(
                name,
                connection,
                unitId,
                map,
                Arrays.asList(
                        map.point(Role.POWER),
                        map.point(Role.FREQUENCY),
                        map.point(Role.IMPORT_ENERGY),
                        map.point(Role.EXPORT_ENERGY)),
                onClose);
        power = map.point(Role.POWER);
        frequency = map.point(Role.FREQUENCY);
        imported = map.point(Role.IMPORT_ENERGY);
        exported = map.point(Role.EXPORT_ENERGY);
    }

    @Override
    public CompletableFuture<MeterReading> read() {
        return registers
                .read()
                .thenApply(r -> new MeterReading(
                        r.get(power),
                        valueOrNaN(r, frequency),
                        valueOrNaN(r, imported),
                        valueOrNaN(r, exported),
                        System.currentTimeMillis()));
    }
}

package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;
import dev.chikuden.ems.modbus.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A battery unit over Modbus TCP, its points where the register map puts them. A setpoint goes out
 * with the points the map writes alongside it (SunSpec: enable, mode, value in one request). A
 * point the map lacks reads as NaN ({@link BatteryUnitState#UNKNOWN} for the state, 0 for the alarms).
 */
final class ModbusBessDevice extends ModbusDevice implements BessDevice {
    /** What a reading takes, in the map's roles. */
    private static final Role[] READ = {
        Role.POWER,
        Role.SOC,
        Role.SETPOINT,
        Role.SOC_MIN,
        Role.SOC_MAX,
        Role.STATE_OF_HEALTH,
        Role.ENERGY_RATING,
        Role.MAX_CHARGE,
        Role.MAX_DISCHARGE,
        Role.SETPOINT_ENABLE,
        Role.STATE,
        Role.ALARMS
    };

    private final Point power;
    private final Point soc;
    private final Point socMin;
    private final Point socMax;
    private final Point health;
    private final Point energyRating;
    private final Point maxCharge;
    private final Point maxDischarge;
    private final Point setpoint;
    private final Point enable;
    private final Point state;
    private final Point alarms;
    private final List<Point> withSetpoint = new ArrayList<>();

    ModbusBessDevice(String name, ModbusConnection connection, int unitId, DeviceMap map, Runnable onClose) {
        super(name, connection, unitId, map, Arrays.stream(READ).map(map::point).toList(), onClose);
        power = map.point(Role.POWER);
        soc = map.point(Role.SOC);
        socMin = map.point(Role.SOC_MIN);
        socMax = map.point(Role.SOC_MAX);
        health = map.point(Role.STATE_OF_HEALTH);
        energyRating = map.point(Role.ENERGY_RATING);
        maxCharge = map.point(Role.MAX_CHARGE);
        maxDischarge = map.point(Role.MAX_DISCHARGE);
        setpoint = map.point(Role.SETPOINT);
        enable = map.point(Role.SETPOINT_ENABLE);
        state = map.point(Role.STATE);
        alarms = map.point(Role.ALARMS);
        withSetpoint.add(setpoint);
        for (Point p : map.points()) {
            if (!Double.isNaN(p.write())) {
                withSetpoint.add(p);
            }
        }
    }

    @Override
    public CompletableFuture<BessReading> read() {
        return registers.read().thenApply(this::reading);
    }

    private BessReading reading(RegisterImage r) {
        double soh = valueOrNaN(r, health);
        double rating = valueOrNaN(r, energyRating);
        double capacity = Double.isNaN(soh) ? rating : rating * soh;
        boolean enabled = enable == null || r.raw(enable) == 1;
        BatteryUnitState s = state == null ? BatteryUnitState.UNKNOWN : state.state(r.raw(state));
        int alarmBits = alarms == null ? 0 : (int) r.raw(alarms);
        return new BessReading(
                r.get(power),
                r.get(soc),
                valueOrNaN(r, socMin),
                valueOrNaN(r, socMax),
                capacity,
                soh,
                valueOrNaN(r, maxDischarge),
                valueOrNaN(r, maxCharge),
                enabled ? r.get(setpoint) : 0,
                s,
                alarmBits,
                System.currentTimeMillis());
    }

    @Override
    public CompletableFuture<Void> writeSetpoint(double kw) {
        if (!Double.isFinite(kw)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("setpoint must be finite, was " + kw));
        }
        return registers.imageForWrite().thenCompose(image -> {
            image.set(setpoint, kw);
            for (Point p : withSetpoint) {
                if (!Double.isNaN(p.write())) {
                    image.setEngineering(p, p.write());
                }
            }
            return registers.write(image, withSetpoint);
        });
    }

    /** Read requests one reading takes (once the scale factors are known). */
    int requestsPerRead() {
        return registers.requestsPerRead();
    }
}

package dev.chikuden.ems.device;

import dev.chikuden.ems.modbus.UnitState;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterImage;
import dev.chikuden.ems.modbus.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A battery unit over Modbus TCP, its points where the register map puts them. A setpoint goes out
 * with the points the map writes alongside it (SunSpec: enable, mode, value in one request). A
 * point the map lacks reads as NaN ({@link UnitState#UNKNOWN} for the state, 0 for the alarms).
 */
public final class ModbusBessDevice implements BessDevice {
    private final String name;
    private final UnitLink link;
    private final Runnable onClose;
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
        this.name = name;
        this.onClose = onClose;
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
        List<Point> needed = new ArrayList<>(List.of(power, soc, setpoint));
        for (Point p : new Point[] {socMin, socMax, health, energyRating, maxCharge, maxDischarge, enable, state, alarms}) {
            if (p != null) {
                needed.add(p);
            }
        }
        withSetpoint.add(setpoint);
        for (Point p : map.points()) {
            if (!Double.isNaN(p.write())) {
                withSetpoint.add(p);
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
    public CompletableFuture<BessReading> read() {
        return link.read().thenApply(this::reading);
    }

    private BessReading reading(RegisterImage r) {
        double soh = get(r, health);
        double rating = get(r, energyRating);
        double capacity = Double.isNaN(soh) ? rating : rating * soh;
        boolean enabled = enable == null || r.raw(enable) == 1;
        UnitState s = state == null ? UnitState.UNKNOWN : state.state(r.raw(state));
        int alarmBits = alarms == null ? 0 : (int) r.raw(alarms);
        return new BessReading(r.get(power), r.get(soc), get(r, socMin), get(r, socMax), capacity, soh,
                get(r, maxDischarge), get(r, maxCharge), enabled ? r.get(setpoint) : 0, s, alarmBits,
                System.currentTimeMillis());
    }

    private static double get(RegisterImage r, Point p) {
        return p == null ? Double.NaN : r.get(p);
    }

    @Override
    public CompletableFuture<Void> writeSetpoint(double kw) {
        if (!Double.isFinite(kw)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("setpoint must be finite, was " + kw));
        }
        return link.imageForWrite().thenCompose(image -> {
            image.set(setpoint, kw);
            for (Point p : withSetpoint) {
                if (!Double.isNaN(p.write())) {
                    image.setEngineering(p, p.write());
                }
            }
            return link.write(image, withSetpoint);
        });
    }

    /** Connects and reads what is read once per connection. */
    CompletableFuture<Void> prepare() {
        return link.statics().thenAccept(image -> { });
    }

    /** Read requests one reading takes (once the scale factors are known). */
    int requestsPerRead() {
        return link.requestsPerRead();
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

package dev.chikuden.ems.twin;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.Quantity;
import dev.chikuden.ems.modbus.Role;

/**
 * The grid meter at the point of connection: active power ({@code > 0} import) and energy counters.
 * Under a control chain it reports the power as it was a meter delay before (a ring of ticks); the
 * counters integrate the power as it is.
 */
final class TwinMeter extends TwinDevice {
    private static final double HOURS_PER_YEAR = 8760;

    private final double frequencyHz;
    private final Point power;
    private final Point frequency;
    private final Point imported;
    private final Point exported;
    private final double[] ring;
    private long ticks;
    double gridKw;
    double meteredKw;
    double importKwh;
    double exportKwh;

    /** @param fullScaleKw the largest grid power the meter must show (it saturates beyond) */
    /** @param delayTicks ticks between the power and its reading */
    TwinMeter(String name, int unitId, DeviceMap map, double fullScaleKw, double frequencyHz, int delayTicks) {
        super(name, unitId, map);
        this.ring = new double[delayTicks + 1];
        this.frequencyHz = frequencyHz;
        power = map.point(Role.POWER);
        frequency = map.point(Role.FREQUENCY);
        imported = map.point(Role.IMPORT_ENERGY);
        exported = map.point(Role.EXPORT_ENERGY);
        // counters hold a year at full scale before they wrap
        ScaleFactors.choose(
                map,
                image,
                r -> r.quantity() == Quantity.POWER
                        ? fullScaleKw
                        : r.quantity() == Quantity.ENERGY
                                ? fullScaleKw * HOURS_PER_YEAR
                                : r == Role.FREQUENCY ? 1.25 * frequencyHz : Double.NaN);
        Point address = map.point(Role.DEVICE_ADDRESS);
        if (address != null) {
            image.set(address, unitId);
        }
        Point serial = map.point(Role.SERIAL_NUMBER);
        if (serial != null) {
            image.setText(serial, name);
        }
        publish();
    }

    @Override
    void written(int address, int count, long nowMs) {
        // nothing on a meter is writable
    }

    /** Integrates {@code kw} over a tick. */
    void step(double kw, double tickS) {
        gridKw = kw;
        if (ticks == 0) {
            java.util.Arrays.fill(ring, kw);
        }
        ring[(int) (ticks % ring.length)] = kw;
        meteredKw = ring[(int) (++ticks % ring.length)]; // recorded delay ago
        double h = tickS / 3600;
        importKwh += Math.max(kw, 0) * h;
        exportKwh += Math.max(-kw, 0) * h;
        publish();
    }

    private void publish() {
        image.set(power, meteredKw);
        if (frequency != null) {
            image.set(frequency, frequencyHz);
        }
        if (imported != null) {
            image.set(imported, importKwh);
        }
        if (exported != null) {
            image.set(exported, exportKwh);
        }
    }
}

package dev.chikuden.ems.twin;

import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.PointType;
import dev.chikuden.ems.modbus.RegisterCodec;
import dev.chikuden.ems.modbus.RegisterImage;
import dev.chikuden.ems.modbus.Role;
import java.util.function.ToDoubleFunction;

/**
 * Sets a device's scale-factor registers as a SunSpec device does for its ratings: each takes the
 * finest power of ten at which every point scaled by it still holds its full-scale value, but no
 * finer than a useful resolution (1 W, 1 Wh, 0.01 % of SOC, 1 mHz, 1 ms), so a 32-bit power reads
 * in plain watts.
 */
final class ScaleFactors {
    private ScaleFactors() {}

    /**
     * @param fullScale the largest magnitude a role's point must hold, in Chikuden's units (kW, kWh, ...);
     *                  NaN for a role that sets no bound
     */
    @SuppressWarnings("ReferenceEquality") // a point links to its scale-factor point itself, not to an equal one
    static void choose(DeviceMap map, RegisterImage image, ToDoubleFunction<Role> fullScale) {
        for (Point sf : map.points()) {
            if (sf.type() != PointType.SUNSSF || !Double.isNaN(sf.value())) {
                continue; // a scale factor the map fixes stays as it is
            }
            int exponent = RegisterCodec.MIN_EXPONENT;
            boolean used = false;
            for (Point p : map.points()) {
                if (p.scaleFactor() == sf && p.role() != null && !Double.isNaN(fullScale.applyAsDouble(p.role()))) {
                    double engineering = p.unit().fromInternal(fullScale.applyAsDouble(p.role()));
                    exponent = Math.max(exponent, Math.max(exponentFor(p.type(), engineering), finest(p)));
                    used = true;
                }
            }
            image.setRaw(sf, used ? exponent : 0);
        }
    }

    /** The exponent of the useful resolution of the point's quantity, in its unit. */
    static int finest(Point p) {
        double resolution = switch (p.role().quantity()) {
            case POWER, ENERGY -> 1e-3; // 1 W, 1 Wh
            case FRACTION -> 1e-4;
            case FREQUENCY, DURATION -> 1e-3;
            default -> 1;
        };
        return (int) Math.ceil(Math.log10(p.unit().fromInternal(resolution)) - 1e-9);
    }

    /** The smallest exponent at which {@code |value|} fits the type's raw range. */
    static int exponentFor(PointType type, double value) {
        double v = Math.abs(value);
        for (int e = RegisterCodec.MIN_EXPONENT; e < RegisterCodec.MAX_EXPONENT; e++) {
            if (Math.rint(RegisterCodec.unscale(v, e)) <= type.maxRaw()) {
                return e;
            }
        }
        return RegisterCodec.MAX_EXPONENT;
    }
}

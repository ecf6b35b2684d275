package dev.chikuden.ems.modbus;

import java.util.Map;

/**
 * One value of a device at a fixed register address.
 *
 * @param name        its name in the map (SunSpec's point name where the map follows SunSpec)
 * @param role        what it means to Chikuden; null for a point only served
 * @param type        how it sits in its registers
 * @param address     its first register (PDU address, 0-based)
 * @param size        registers it takes
 * @param exponent    the fixed power of ten its raw value is scaled by, when {@code scaleFactor} is null
 * @param scaleFactor the point holding its power of ten (SunSpec's {@code _SF}), or null
 * @param unit        the unit of the scaled value
 * @param writable    true for {@code access: rw}
 * @param isStatic    read once per connection, not every cycle (ratings; scale factors always are)
 * @param text        the constant text of a string point, or null
 * @param value       the constant (or initial, when writable) scaled value, NaN for none
 * @param write       the scaled value a driver writes with every setpoint, NaN for none
 * @param states      codes of the operating state, in the map's order (the first code of a state is
 *                    the one a simulator writes); empty unless {@code role} is the state
 */
public record Point(
        String name,
        Role role,
        PointType type,
        int address,
        int size,
        int exponent,
        Point scaleFactor,
        EngineeringUnit unit,
        boolean writable,
        boolean isStatic,
        String text,
        double value,
        double write,
        Map<Long, BatteryUnitState> states) {

    /** One past its last register. */
    public int end() {
        return address + size;
    }

    public boolean overlaps(int first, int count) {
        return address < first + count && first < end();
    }

    /** Read once per connection: marked static, or a scale factor. */
    public boolean readOnce() {
        return isStatic || type == PointType.SUNSSF;
    }

    /** The state a code means; {@link BatteryUnitState#UNKNOWN} for a code the table lacks. */
    public BatteryUnitState state(long code) {
        return states.getOrDefault(code, BatteryUnitState.UNKNOWN);
    }

    /** The first code the table gives {@code state}, or -1. */
    public long code(BatteryUnitState state) {
        for (Map.Entry<Long, BatteryUnitState> e : states.entrySet()) {
            if (e.getValue() == state) {
                return e.getKey();
            }
        }
        return -1;
    }
}

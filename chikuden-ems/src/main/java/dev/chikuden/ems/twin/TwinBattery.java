package dev.chikuden.ems.twin;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.Quantity;
import dev.chikuden.ems.modbus.Role;
import dev.chikuden.sim.Converter;

/**
 * One battery unit of the site: the study's battery model behind a PCS that follows the active
 * power setpoint written to its registers, within the model's limits (the model enforces its
 * ratings, tapers, efficiencies and SOC window). Like a real inverter it falls back to its revert
 * value (0 kW) when no setpoint write has arrived for the revert timeout.
 *
 * <p>Under a site's control chain the PCS applies a command a command delay after it was given (a
 * queue of ticks) and its converter follows as the study's {@link Converter}: a first-order lag,
 * ramp-limited. Without a chain it applies the command within the tick, as before.
 */
final class TwinBattery extends TwinDevice {
    /** The revert timeout when the map has no register for it. */
    static final double DEFAULT_REVERT_S = 10;

    final BatterySystem battery;
    private final double frequencyHz;
    private final Point setpoint;
    private final Point enable;
    private final Point revertTimeout;
    private final Point revertValue;
    private final Point revertRemaining;
    private final Point power;
    private final Point soc;
    private final Point health;
    private final Point maxCharge;
    private final Point maxDischarge;
    private final Point state;
    private final Point alarms;
    private final Point frequency;

    /** Commands by tick, the oldest reaching the converter; null without a chain. */
    private final double[] queue;

    private final Converter converter;
    private long ticks;
    private long lastCommandMs;
    private boolean plantControlled;
    private double plantKw;
    private boolean reverted;
    private int alarmBits;
    double commandKw;
    double powerKw;

    TwinBattery(
            String name,
            int unitId,
            DeviceMap map,
            BatteryParameters parameters,
            double frequencyHz,
            double tickS,
            Physics physics) {
        super(name, unitId, map);
        this.queue = physics == null ? null : new double[physics.delayTicks() + 1];
        this.converter = physics == null ? null : new Converter(physics.timeConstantS(), physics.rampKwPerS(), tickS);
        this.battery = new BatterySystem(parameters);
        this.frequencyHz = frequencyHz;
        setpoint = map.point(Role.SETPOINT);
        enable = map.point(Role.SETPOINT_ENABLE);
        revertTimeout = map.point(Role.REVERT_TIMEOUT);
        revertValue = map.point(Role.REVERT_VALUE);
        revertRemaining = map.point(Role.REVERT_REMAINING);
        power = map.point(Role.POWER);
        soc = map.point(Role.SOC);
        health = map.point(Role.STATE_OF_HEALTH);
        maxCharge = map.point(Role.MAX_CHARGE);
        maxDischarge = map.point(Role.MAX_DISCHARGE);
        state = map.point(Role.STATE);
        alarms = map.point(Role.ALARMS);
        frequency = map.point(Role.FREQUENCY);
        double fullPowerKw =
                1.25 * Math.max(parameters.chargePowerKw(), parameters.dischargePowerKw()) + parameters.standbyKw();
        ScaleFactors.choose(map, image, r -> fullScale(r, parameters, fullPowerKw));
        setIfMapped(Role.RATED_POWER, Math.max(parameters.chargePowerKw(), parameters.dischargePowerKw()));
        setIfMapped(Role.RATED_CHARGE, parameters.chargePowerKw());
        setIfMapped(Role.RATED_DISCHARGE, parameters.dischargePowerKw());
        setIfMapped(Role.ENERGY_RATING, parameters.energyKwh());
        setIfMapped(Role.SOC_MIN, parameters.socMin());
        setIfMapped(Role.SOC_MAX, parameters.socMax());
        setIfMapped(Role.DEVICE_ADDRESS, unitId);
        Point serial = map.point(Role.SERIAL_NUMBER);
        if (serial != null) {
            image.setText(serial, name);
        }
        publish(tickS);
    }

    private double fullScale(Role r, BatteryParameters p, double fullPowerKw) {
        if (r.quantity() == Quantity.POWER) {
            return fullPowerKw;
        }
        if (r.quantity() == Quantity.FRACTION) {
            return 1;
        }
        if (r == Role.ENERGY_RATING) {
            return p.energyKwh();
        }
        return r == Role.FREQUENCY ? 1.25 * frequencyHz : Double.NaN;
    }

    private void setIfMapped(Role role, double value) {
        Point p = map.point(role);
        if (p != null) {
            image.set(p, value);
        }
    }

    @Override
    void written(int address, int count, long nowMs) {
        if (setpoint.overlaps(address, count) || (enable != null && enable.overlaps(address, count))) {
            lastCommandMs = nowMs;
            reverted = false;
        }
    }

    /**
     * The converter's physics under a control chain.
     *
     * @param delayTicks    ticks from a command to the converter acting on it
     * @param timeConstantS the converter's lag
     * @param rampKwPerS    this unit's share of the site's converter ramp
     */
    record Physics(int delayTicks, double timeConstantS, double rampKwPerS) {}

    /**
     * The plant controller takes the unit over ({@code kw} is its command) or, with {@code controls}
     * false, hands it back to its own setpoint register.
     */
    void plantCommand(boolean controls, double kw) {
        plantControlled = controls;
        plantKw = kw;
    }

    /** Alarm bits a test or an operator injects; while any is set the unit faults and holds 0 kW. */
    void setAlarms(int bits) {
        alarmBits = bits;
    }

    /** One tick of {@code tickS} seconds ending at simulated time {@code nowMs}. */
    void step(long nowMs, double tickS, double ambientC) {
        double timeoutS = revertTimeout == null ? DEFAULT_REVERT_S : image.get(revertTimeout);
        if (Double.isNaN(timeoutS)) {
            timeoutS = DEFAULT_REVERT_S;
        }
        long sinceMs = nowMs - lastCommandMs;
        if (!reverted && timeoutS > 0 && sinceMs >= timeoutS * 1000) {
            double fallback = revertValue == null ? 0 : image.get(revertValue);
            image.set(setpoint, Double.isNaN(fallback) ? 0 : fallback);
            reverted = true;
        }
        if (revertRemaining != null) {
            image.set(revertRemaining, reverted || timeoutS <= 0 ? 0 : Math.max(0, timeoutS - sinceMs / 1000.0));
        }
        boolean enabled = enable == null || image.raw(enable) == 1;
        double command = plantControlled ? plantKw : enabled ? image.get(setpoint) : 0;
        commandKw = alarmBits != 0 || Double.isNaN(command) ? 0 : command;
        battery.setAmbientC(ambientC);
        if (converter == null) {
            powerKw = battery.apply(commandKw, tickS);
        } else if (alarmBits != 0) { // a fault trips the converter at once: no lag, nothing in flight
            java.util.Arrays.fill(queue, 0);
            converter.reset(0);
            powerKw = battery.apply(0, tickS);
            ticks++;
        } else {
            queue[(int) (ticks % queue.length)] = commandKw;
            double askedKw = converter.converge(queue[(int) ((ticks + 1) % queue.length)]); // given delay ago
            powerKw = battery.apply(askedKw, tickS);
            converter.shift(powerKw - askedKw);
            ticks++;
        }
        publish(tickS);
    }

    /** The unit's measurements, and its limits for the next tick. */
    private void publish(double tickS) {
        image.set(power, powerKw);
        image.set(soc, battery.soc());
        if (health != null) {
            image.set(health, battery.stateOfHealth());
        }
        if (maxCharge != null) {
            image.set(maxCharge, Math.max(0, battery.maxChargeKw(tickS)));
        }
        if (maxDischarge != null) {
            image.set(maxDischarge, Math.max(0, battery.maxDischargeKw(tickS)));
        }
        if (state != null) {
            BatteryUnitState s = alarmBits != 0
                    ? BatteryUnitState.FAULT
                    : commandKw != 0 ? BatteryUnitState.RUNNING : BatteryUnitState.STANDBY;
            image.setRaw(state, Math.max(0, state.code(s)));
        }
        if (alarms != null) {
            image.setRaw(alarms, alarmBits & 0xFFFF_FFFFL);
        }
        if (frequency != null) {
            image.set(frequency, frequencyHz);
        }
    }
}

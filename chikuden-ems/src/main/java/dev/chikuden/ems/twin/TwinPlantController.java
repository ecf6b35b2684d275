package dev.chikuden.ems.twin;

import dev.chikuden.battery.BatteryBank;
import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.Role;
import java.util.List;

/**
 * A plant controller (PPC) as a real site has one: it reads the grid meter (as delayed as anyone's
 * reading), runs the site's fast control layers every fast period on its own stack, with the
 * supervisory layers' requests as the EMS wrote them to its registers, and commands the battery
 * units directly, sharing the aggregate by headroom. Net load it sees: its metered grid power plus
 * the units' power measured at the same instant.
 *
 * <p>With {@code plantEnable} 0 the units follow their own setpoint registers. While enabled, when
 * the heartbeat register has not changed for the revert timeout the EMS is taken as gone and the PPC
 * holds the units at 0 kW (as a unit reverts), until the heartbeat moves again.
 */
final class TwinPlantController extends TwinDevice {
    private static final long SLOT_MS = 1_800_000;

    private final ControllerStack stack;
    private final List<ControlLoop> loops;
    private final List<ControlLayer> layers;
    private final TwinBattery[] units;
    private final BatteryView bank;
    private final double frequencyHz;
    private final int fastEvery;
    private final double fastS;
    private final double[] unitsRing;
    private final double[] maxDischarge;
    private final double[] maxCharge;
    private final Point enable;
    private final Point heartbeat;
    private final Point revertTimeout;
    private final Point rampLimit;
    private final Point command;
    private final Point bindingLayer;
    private final Point cycles;
    private final List<Point> atLeast;
    private final List<Point> atMost;
    private final List<Point> prefer;
    private final List<Point> onNet;
    private final Point supervisedNet;
    private final Measurements m = new Measurements();

    private long ticks;
    private long fastCycles;
    private long lastBeat = -1;
    private long lastBeatMs;
    private boolean controlling;
    /** Switched off: ignores its enable register, the units follow their own setpoints (a test's contrast run). */
    private boolean off;

    private double commandKw;
    private long slotStartMs = Long.MIN_VALUE;
    private double slotImportKwh;

    /**
     * @param stack        the site's stack, from the site file by the study's factory
     * @param fastEvery    ticks per fast cycle
     * @param delayTicks   the meter delay in ticks (the units' power is read as delayed)
     */
    TwinPlantController(
            String name,
            int unitId,
            DeviceMap map,
            ControllerStack stack,
            List<TwinBattery> units,
            double frequencyHz,
            int fastEvery,
            double tickS,
            int delayTicks) {
        super(name, unitId, map);
        this.stack = stack;
        this.loops = stack.loops();
        this.layers = stack.layers();
        this.units = units.toArray(new TwinBattery[0]);
        this.bank = BatteryBank.of(units.stream().map(u -> u.battery).toList());
        this.frequencyHz = frequencyHz;
        this.fastEvery = Math.max(1, fastEvery);
        this.fastS = this.fastEvery * tickS;
        this.unitsRing = new double[delayTicks + 1];
        this.maxDischarge = new double[this.units.length];
        this.maxCharge = new double[this.units.length];
        enable = map.point(Role.PLANT_ENABLE);
        heartbeat = map.point(Role.HEARTBEAT);
        revertTimeout = map.point(Role.REVERT_TIMEOUT);
        rampLimit = map.point(Role.RAMP_LIMIT);
        command = map.point(Role.PLANT_COMMAND);
        bindingLayer = map.point(Role.BINDING_LAYER);
        cycles = map.point(Role.FAST_CYCLES);
        atLeast = map.points(Role.HELD_AT_LEAST);
        atMost = map.points(Role.HELD_AT_MOST);
        prefer = map.points(Role.HELD_PREFER);
        onNet = map.points(Role.HELD_ON_NET);
        supervisedNet = map.point(Role.SUPERVISED_NET);
        if (supervisedNet != null) {
            image.set(supervisedNet, Double.NaN); // none: held values on net do not move
        }
        for (List<Point> ps : List.of(atLeast, atMost, prefer)) {
            for (Point p : ps) {
                image.set(p, Double.NaN); // none until the EMS writes
            }
        }
        if (rampLimit != null) {
            image.set(rampLimit, Double.NaN);
        }
        Point address = map.point(Role.DEVICE_ADDRESS);
        if (address != null) {
            image.set(address, unitId);
        }
        Point serial = map.point(Role.SERIAL_NUMBER);
        if (serial != null) {
            image.setText(serial, name);
        }
    }

    @Override
    void written(int address, int count, long nowMs) {
        // read every tick: the heartbeat's change is what counts, not the write
    }

    /**
     * One tick ending at {@code nowMs}, before the units step: the PPC decides their commands.
     *
     * @param meteredGridKw the meter's reading now (already delayed)
     * @param epochMs       site time
     */
    void step(long nowMs, long epochMs, double meteredGridKw, double tickS) {
        double unitsKw = 0;
        for (TwinBattery u : units) {
            unitsKw += u.powerKw;
        }
        if (ticks == 0) {
            java.util.Arrays.fill(unitsRing, unitsKw);
        }
        unitsRing[(int) (ticks % unitsRing.length)] = unitsKw;
        double seenUnitsKw = unitsRing[(int) ((ticks + 1) % unitsRing.length)];
        long slot = epochMs - Math.floorMod(epochMs, SLOT_MS);
        if (slot != slotStartMs) {
            slotStartMs = slot;
            slotImportKwh = 0;
        }
        slotImportKwh += Math.max(0, meteredGridKw) * tickS / 3600;
        long beat = image.raw(heartbeat);
        if (beat != lastBeat) {
            lastBeat = beat;
            lastBeatMs = nowMs;
        }
        double timeoutS = revertTimeout == null ? TwinBattery.DEFAULT_REVERT_S : image.get(revertTimeout);
        boolean stale = timeoutS > 0 && nowMs - lastBeatMs >= timeoutS * 1000;
        boolean enabled = !off && image.raw(enable) == 1;
        if (!enabled) {
            controlling = false;
            for (TwinBattery u : units) {
                u.plantCommand(false, 0);
            }
        } else if (ticks % fastEvery == 0 || !controlling) {
            m.update(epochMs, fastS, meteredGridKw + seenUnitsKw, 0, frequencyHz, slotStartMs, slotImportKwh);
            if (!controlling) { // taking over: the ramp starts from where the units are
                stack.applied(unitsKw, m);
                commandKw = unitsKw;
                controlling = true;
            }
            commandKw = stale ? 0 : fastCommand(commandKw);
            stack.applied(commandKw, m);
            share(commandKw, tickS);
            fastCycles++;
            publish();
        }
        ticks++;
    }

    /**
     * The stack's fast request, with the held requests as written (those on net moved from the
     * supervised net load, as the study replays them), capped by the ramp register.
     */
    private double fastCommand(double lastKw) {
        stack.supervisedNetKw(supervisedNet == null ? Double.NaN : image.get(supervisedNet));
        for (int i = 0; i < loops.size() && i < atLeast.size(); i++) {
            if (loops.get(i) == ControlLoop.SUPERVISORY) {
                double lo = image.get(atLeast.get(i));
                double hi = i < atMost.size() ? image.get(atMost.get(i)) : Double.NaN;
                double pref = i < prefer.size() ? image.get(prefer.get(i)) : Double.NaN;
                stack.hold(
                        i,
                        Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo,
                        Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi,
                        pref,
                        i < onNet.size() ? (int) image.raw(onNet.get(i)) : 0);
            }
        }
        double kw = stack.fastRequestKw(m, bank);
        double ramp = rampLimit == null ? Double.NaN : image.get(rampLimit);
        if (ramp > 0) {
            double reach = ramp * fastS;
            kw = Math.max(lastKw - reach, Math.min(lastKw + reach, kw));
        }
        return kw;
    }

    /** Shares {@code kw} over the units in proportion to each one's headroom in that direction. */
    private void share(double kw, double tickS) {
        double headroom = 0;
        for (int i = 0; i < units.length; i++) {
            maxDischarge[i] = Math.max(0, units[i].battery.maxDischargeKw(tickS));
            maxCharge[i] = Math.max(0, units[i].battery.maxChargeKw(tickS));
            headroom += kw >= 0 ? maxDischarge[i] : maxCharge[i];
        }
        double f = headroom > 0 ? Math.min(1, Math.abs(kw) / headroom) : 0;
        for (int i = 0; i < units.length; i++) {
            units[i].plantCommand(true, kw >= 0 ? f * maxDischarge[i] : -f * maxCharge[i]);
        }
    }

    private void publish() {
        if (command != null) {
            image.set(command, commandKw);
        }
        if (bindingLayer != null) {
            image.setRaw(bindingLayer, bindingIndex());
        }
        if (cycles != null) {
            image.setRaw(cycles, fastCycles & 0xFFFF_FFFFL);
        }
    }

    /** 0 for the batteries' own limits, i + 1 for layer i. */
    private int bindingIndex() {
        String b = stack.lastBinding();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(b)) {
                return i + 1;
            }
        }
        return 0;
    }

    void off(boolean switchedOff) {
        off = switchedOff;
    }

    /** The last aggregate command, kW. */
    double commandKw() {
        return commandKw;
    }

    boolean controlling() {
        return controlling;
    }
}

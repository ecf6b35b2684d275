package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;

/**
 * The battery units' part of one cycle's process image, and the view the controllers get of them.
 *
 * <p>Per unit: the reading's values this cycle (NaN when the unit did not answer) and the power
 * the runtime may command now. That limit is the unit's own reported limit (SOC tapers and its
 * energy left included, as the reading promises), 0 when the unit did not answer or is in
 * {@link BatteryUnitState#FAULT}, 0 for discharge at or below its SOC floor and for charge at or above its
 * ceiling whatever it reports, and 0 for a limit that is not a finite positive number.
 *
 * <p>The {@link BatteryView} aggregates the units that can run (answered, not faulted): sums of
 * capacity, stored energy and limits, a capacity-weighted SOC window. Readings carry no auxiliary
 * load or cell temperature, so the view's auxiliary load is 0 (the unit's power is net at its
 * terminals already) and its temperature NaN. The aggregate is computed once per cycle by
 * {@link #summarise}, so controllers may ask it as often as they like.
 */
final class BatteryUnitImage implements BatteryView {
    final int size;
    final double[] powerKw;
    final double[] soc;
    final double[] socMin;
    final double[] socMax;
    final double[] capacityKwh;
    final double[] stateOfHealth;
    final BatteryUnitState[] state;
    /** What the runtime may command this cycle (see the class comment). */
    final double[] maxDischargeKw;

    final double[] maxChargeKw;
    final boolean[] fresh;

    private int stale;
    private double capacity;
    private double stored;
    private double socMinWeighted;
    private double socMaxWeighted;
    private double nameplate;
    private double discharge;
    private double charge;
    private double allPowerKw;
    private double allSoc;

    BatteryUnitImage(int size) {
        this.size = size;
        powerKw = new double[size];
        soc = new double[size];
        socMin = new double[size];
        socMax = new double[size];
        capacityKwh = new double[size];
        stateOfHealth = new double[size];
        state = new BatteryUnitState[size];
        maxDischargeKw = new double[size];
        maxChargeKw = new double[size];
        fresh = new boolean[size];
    }

    /** What makes a reading unusable, null when it can be used. */
    static String problem(BessReading r) {
        if (!Double.isFinite(r.powerKw())) {
            return "power is " + r.powerKw();
        }
        if (!(r.soc() >= 0 && r.soc() <= 1)) {
            return "soc is " + r.soc();
        }
        if (!(r.socMin() >= 0 && r.socMin() <= r.socMax() && r.socMax() <= 1)) {
            return "soc window is " + r.socMin() + ".." + r.socMax();
        }
        if (!(r.capacityKwh() >= 0 && r.capacityKwh() < Double.POSITIVE_INFINITY)) {
            return "capacity is " + r.capacityKwh();
        }
        return null;
    }

    /** Unit {@code i} answered with {@code r} (a reading {@link #problem} accepts). */
    void set(int i, BessReading r) {
        fresh[i] = true;
        powerKw[i] = r.powerKw();
        soc[i] = r.soc();
        socMin[i] = r.socMin();
        socMax[i] = r.socMax();
        capacityKwh[i] = r.capacityKwh();
        stateOfHealth[i] =
                r.stateOfHealth() > 0 && r.stateOfHealth() < Double.POSITIVE_INFINITY ? r.stateOfHealth() : 1;
        state[i] = r.state() == null ? BatteryUnitState.UNKNOWN : r.state();
        boolean runs = state[i] != BatteryUnitState.FAULT;
        maxDischargeKw[i] = runs && r.soc() > r.socMin() ? limit(r.maxDischargeKw()) : 0;
        maxChargeKw[i] = runs && r.soc() < r.socMax() ? limit(r.maxChargeKw()) : 0;
    }

    /** Unit {@code i} did not answer this cycle: nothing of it is known, nothing may be commanded. */
    void missing(int i) {
        fresh[i] = false;
        powerKw[i] = Double.NaN;
        soc[i] = Double.NaN;
        socMin[i] = Double.NaN;
        socMax[i] = Double.NaN;
        capacityKwh[i] = Double.NaN;
        stateOfHealth[i] = Double.NaN;
        state[i] = BatteryUnitState.UNKNOWN;
        maxDischargeKw[i] = 0;
        maxChargeKw[i] = 0;
    }

    private static double limit(double reportedKw) {
        return reportedKw > 0 && reportedKw < Double.POSITIVE_INFINITY ? reportedKw : 0;
    }

    /** Computes the aggregates after every unit was {@link #set} or {@link #missing}. */
    void summarise() {
        stale = 0;
        capacity = 0;
        stored = 0;
        socMinWeighted = 0;
        socMaxWeighted = 0;
        nameplate = 0;
        discharge = 0;
        charge = 0;
        double power = 0;
        double allStored = 0;
        double allCapacity = 0;
        for (int i = 0; i < size; i++) {
            if (!fresh[i]) {
                stale++;
                continue;
            }
            power += powerKw[i];
            allStored += soc[i] * capacityKwh[i];
            allCapacity += capacityKwh[i];
            discharge += maxDischargeKw[i];
            charge += maxChargeKw[i];
            if (state[i] == BatteryUnitState.FAULT) {
                continue;
            }
            capacity += capacityKwh[i];
            stored += soc[i] * capacityKwh[i];
            socMinWeighted += socMin[i] * capacityKwh[i];
            socMaxWeighted += socMax[i] * capacityKwh[i];
            nameplate += capacityKwh[i] / stateOfHealth[i];
        }
        allPowerKw = stale == 0 ? power : Double.NaN;
        allSoc = stale == 0 ? allStored / allCapacity : Double.NaN;
    }

    /** Units that did not answer this cycle. */
    int stale() {
        return stale;
    }

    /** Measured power of all units, NaN when one did not answer. */
    double totalPowerKw() {
        return allPowerKw;
    }

    /** SOC of all units together (faulted ones too), NaN when one did not answer. */
    double totalSoc() {
        return allSoc;
    }

    @Override
    public double soc() {
        return stored / capacity;
    }

    @Override
    public double storedEnergyKwh() {
        return stored;
    }

    @Override
    public double capacityKwh() {
        return capacity;
    }

    @Override
    public double socMin() {
        return socMinWeighted / capacity;
    }

    @Override
    public double socMax() {
        return socMaxWeighted / capacity;
    }

    @Override
    public double stateOfHealth() {
        return capacity / nameplate;
    }

    @Override
    public double auxiliaryKw() {
        return 0;
    }

    @Override
    public double cellTemperatureC() {
        return Double.NaN;
    }

    @Override
    public double maxDischargeKw(double stepS) {
        return discharge;
    }

    @Override
    public double maxChargeKw(double stepS) {
        return charge;
    }
}

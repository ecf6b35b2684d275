package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.time.HalfHourDemandMeter;

/**
 * The Japanese 30-minute demand limiter: keeps each local half-hour slot's average import at or
 * under {@code targetKw} (the contract kW, or a margin below it), and recharges only inside the
 * slot's headroom.
 *
 * <p>Prediction: the present net load is assumed to hold for the rest of the slot. If the battery
 * delivers {@code p} from now on, the slot ends with {@code slotImportKwh + (net - p) * hoursLeft}
 * imported, which stays within {@code targetKw * 0.5 h} when {@code p >= net - allowedKw}, where
 * {@code allowedKw = (targetKw * 0.5 h - slotImportKwh) / hoursLeft} is the average import the rest
 * of the slot may still have. The bound is recomputed every step, so a changing load is followed;
 * under a constant load it lands the slot exactly on the target. The lower bound also caps any
 * charging a lower layer asks for to the headroom ({@code allowedKw - net}).
 *
 * <p>Once the slot is already over the target (allowance negative) nothing can bring it back, and
 * exporting does not lower the import register, so the limiter asks for zero import: the whole net
 * load, as far as the window allows.
 *
 * <p>The target may change from one billing month to the next ({@link #monthly}): a plan that lets
 * the battery hold each month at its own peak gives the limiter that peak as the month's target.
 */
public final class DemandLimiter implements ControlLayer {
    private static final double SLOT_S = HalfHourDemandMeter.SLOT_MS / 1000.0;
    private static final double SLOT_H = SLOT_S / 3600;

    /** From {@code fromEpochMs[i]} on, the target is {@code targetKw[i]}; before the first, the first. */
    private final long[] fromEpochMs;

    private final double[] targetKw;
    private final double rechargeSocTarget;
    private final double maxRechargeKw;
    /** The target in force at the last step: time runs forward, so the search starts there. */
    private int current;

    /**
     * @param targetKw          the slot average import not to exceed
     * @param rechargeSocTarget below this state of charge the limiter recharges from the headroom
     * @param maxRechargeKw     the fastest such recharge (net AC kW, positive)
     */
    public DemandLimiter(double targetKw, double rechargeSocTarget, double maxRechargeKw) {
        this(new long[] {Long.MIN_VALUE}, new double[] {targetKw}, rechargeSocTarget, maxRechargeKw);
    }

    /**
     * A limiter whose target changes at given instants, e.g. at the start of each billing month.
     *
     * @param fromEpochMs ascending; target {@code i} holds from {@code fromEpochMs[i]} to the next
     *                    (the first also before it)
     * @param targetKw    one target per instant
     */
    public static DemandLimiter monthly(
            long[] fromEpochMs, double[] targetKw, double rechargeSocTarget, double maxRechargeKw) {
        return new DemandLimiter(fromEpochMs.clone(), targetKw.clone(), rechargeSocTarget, maxRechargeKw);
    }

    private DemandLimiter(long[] fromEpochMs, double[] targetKw, double rechargeSocTarget, double maxRechargeKw) {
        if (fromEpochMs.length == 0 || fromEpochMs.length != targetKw.length) {
            throw new IllegalArgumentException("need one target per instant, at least one");
        }
        for (int i = 0; i < targetKw.length; i++) {
            if (!(targetKw[i] >= 0) || Double.isInfinite(targetKw[i])) {
                throw new IllegalArgumentException("targetKw must be finite and >= 0, was " + targetKw[i]);
            }
            if (i > 0 && fromEpochMs[i] <= fromEpochMs[i - 1]) {
                throw new IllegalArgumentException("the instants a target changes must ascend");
            }
        }
        if (!(rechargeSocTarget >= 0 && rechargeSocTarget <= 1)) {
            throw new IllegalArgumentException("rechargeSocTarget must be within 0..1, was " + rechargeSocTarget);
        }
        if (!(maxRechargeKw >= 0)) {
            throw new IllegalArgumentException("maxRechargeKw must be >= 0, was " + maxRechargeKw);
        }
        this.fromEpochMs = fromEpochMs;
        this.targetKw = targetKw;
        this.rechargeSocTarget = rechargeSocTarget;
        this.maxRechargeKw = maxRechargeKw;
    }

    @Override
    public String name() {
        return "demand-limiter";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        double leftS = SLOT_S - m.slotElapsedS();
        if (leftS <= 0) {
            return; // a slot account that has not rolled over: nothing sound to predict from
        }
        double hoursLeft = leftS / 3600;
        double allowanceKwh = targetKw(m.slotStartEpochMs()) * SLOT_H - m.slotImportKwh();
        double allowedKw = Math.max(0, allowanceKwh) / hoursLeft;
        double net = m.netLoadKw();
        window.atLeastOnNet(net - allowedKw);

        double headroomKw = allowedKw - net;
        double soc = battery.soc();
        if (headroomKw > 0 && soc < rechargeSocTarget) {
            // no more than reaches the SOC target in this step, so a long planning step does not overshoot
            double toTargetKw = (rechargeSocTarget - soc) * battery.capacityKwh() * 3600 / m.stepS();
            window.prefer(-Math.min(Math.min(maxRechargeKw, headroomKw), toTargetKw));
        }
    }

    /** The target of the slot starting at {@code slotStartMs}: a slot is billed in the month it starts in. */
    private double targetKw(long slotStartMs) {
        if (current > 0 && slotStartMs < fromEpochMs[current]) {
            current = 0; // time went back: search again from the first
        }
        while (current + 1 < fromEpochMs.length && slotStartMs >= fromEpochMs[current + 1]) {
            current++;
        }
        return targetKw[current];
    }
}

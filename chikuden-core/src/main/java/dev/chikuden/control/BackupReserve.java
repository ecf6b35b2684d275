package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Keeps enough stored energy to carry {@code criticalLoadKw} for {@code durationHours} through a
 * grid outage: while the grid is there, no layer below may discharge into that reserve. The
 * reserve sits above the SOC floor, so the protected level is
 * {@code socMin * capacity + criticalLoadKw * durationHours / DISCHARGE_EFFICIENCY}.
 *
 * <p>The view does not expose the battery's conversion losses, so the layer assumes a one-way
 * discharge efficiency of {@value #DISCHARGE_EFFICIENCY} (a typical lithium-ion system with its
 * converter). The same figure turns the energy above the level into a power over the step, so
 * the level holds exactly when the real discharge efficiency is at least that; with worse losses
 * one step may overshoot by the difference, after which the layer allows no discharge at all.
 * Charging is always allowed.
 *
 * <p>During an outage ({@code !m.gridAvailable()}) the reserve is released: the layer does
 * nothing, and whatever carries the site then may use the whole battery.
 */
public final class BackupReserve implements ControlLayer {
    /** One-way efficiency from stored energy to AC, assumed for the reserve and the step limit. */
    public static final double DISCHARGE_EFFICIENCY = 0.95;
    /** The lowest efficiency a single step may have (low PCS load, taper): bounds the last step above the level. */
    static final double STEP_EFFICIENCY_FLOOR = 0.8;

    private final double reserveKwh;

    public BackupReserve(double criticalLoadKw, double durationHours) {
        if (!(criticalLoadKw >= 0) || Double.isInfinite(criticalLoadKw)) {
            throw new IllegalArgumentException("criticalLoadKw must be finite and >= 0, was " + criticalLoadKw);
        }
        if (!(durationHours >= 0) || Double.isInfinite(durationHours)) {
            throw new IllegalArgumentException("durationHours must be finite and >= 0, was " + durationHours);
        }
        this.reserveKwh = criticalLoadKw * durationHours / DISCHARGE_EFFICIENCY;
    }

    @Override
    public String name() {
        return "backup-reserve";
    }

    /** The stored energy kept above the SOC floor. */
    public double reserveKwh() {
        return reserveKwh;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        if (!m.gridAvailable()) {
            return;
        }
        double levelKwh = battery.socMin() * battery.capacityKwh() + reserveKwh;
        double aboveKwh = battery.storedEnergyKwh() - levelKwh;
        // -aux keeps the stored energy where it is (at zero the battery feeds its auxiliaries from
        // storage); above the level, discharge at most what a poor step (efficiency 0.8) could draw
        double holdKw = -battery.auxiliaryKw();
        window.atMost(aboveKwh <= 0 ? holdKw : holdKw + aboveKwh * STEP_EFFICIENCY_FLOOR * 3600.0 / m.stepS());
    }
}

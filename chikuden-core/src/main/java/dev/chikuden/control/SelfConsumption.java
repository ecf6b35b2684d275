package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * A home or shop battery's usual mode (自家消費優先 / グリーンモード): it stores the PV surplus and
 * covers the site's deficit, so the site neither exports PV nor imports while the battery can help.
 * With a grid-charge window (経済優先: the night hours of a time-of-use menu) it instead charges
 * from the grid towards a target SOC by the window's end, evenly, absorbing any PV surplus on top,
 * and never discharges inside the window: that energy is cheaper than what it would displace.
 */
public final class SelfConsumption implements ControlLayer {
    public static final String NAME = "self-consumption";
    /** One-way efficiency assumed from AC to stored energy when pacing a grid charge. */
    static final double CHARGE_EFFICIENCY = 0.95;

    private static final long DAY_MS = 86_400_000L;

    /**
     * Charge from the grid between two local times (the window may cross midnight) up to a target SOC.
     */
    public record GridCharge(LocalTime from, LocalTime to, double targetSoc) {
        public GridCharge {
            if (from.equals(to)) {
                throw new IllegalArgumentException("a grid-charge window needs two different times");
            }
            if (!(targetSoc >= 0 && targetSoc <= 1)) {
                throw new IllegalArgumentException("targetSoc must be in [0, 1], was " + targetSoc);
            }
        }
    }

    private final GridCharge gridCharge;
    private final ZoneRules zone;
    /** The zone's offset when it never changes (Asia/Tokyo): no lookup per step; else Long.MIN_VALUE. */
    private final long fixedOffsetMs;

    private final long fromMs;
    private final long toMs;

    /** @param gridCharge null for a battery that only ever stores PV */
    public SelfConsumption(GridCharge gridCharge, ZoneId zone) {
        this.gridCharge = gridCharge;
        this.zone = zone.getRules();
        this.fixedOffsetMs = this.zone.isFixedOffset()
                ? this.zone.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L
                : Long.MIN_VALUE;
        this.fromMs = gridCharge == null ? 0 : gridCharge.from().toSecondOfDay() * 1000L;
        this.toMs = gridCharge == null ? 0 : gridCharge.to().toSecondOfDay() * 1000L;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        double net = m.netLoadKw();
        long msLeft = gridCharge == null ? -1 : msLeftInWindow(m.epochMs());
        if (msLeft < 0) {
            window.preferOnNet(net); // the grid at zero
            return;
        }
        double needKwh = gridCharge.targetSoc() * battery.capacityKwh() - battery.storedEnergyKwh();
        double hours = Math.max(msLeft / 3.6e6, m.stepS() / 3600);
        double rateKw = needKwh > 0 ? needKwh / hours / CHARGE_EFFICIENCY : 0;
        window.prefer(Math.min(Math.min(net, 0), -rateKw));
    }

    /** The time from {@code epochMs} to the window's end; -1 outside the window. */
    private long msLeftInWindow(long epochMs) {
        long offsetMs = fixedOffsetMs != Long.MIN_VALUE
                ? fixedOffsetMs
                : zone.getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
        long local = Math.floorMod(epochMs + offsetMs, DAY_MS);
        boolean inside = fromMs < toMs ? local >= fromMs && local < toMs : local >= fromMs || local < toMs;
        return inside ? Math.floorMod(toMs - local, DAY_MS) : -1;
    }
}

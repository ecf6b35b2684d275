package dev.chikuden.battery;

import java.util.List;

/**
 * Several batteries behind one connection point. A request is shared in proportion to what each
 * unit can do in that direction over the step, so units with less headroom are asked for less
 * and none is pushed past its own limits.
 */
public final class BatteryBank implements Battery {
    private final Battery[] units;

    private BatteryBank(List<? extends Battery> units) {
        this.units = units.toArray(new Battery[0]);
    }

    /** One battery stays itself; several form a bank; none is {@link Battery#NONE}. */
    public static Battery of(List<? extends Battery> units) {
        if (units.isEmpty()) {
            return NONE;
        }
        return units.size() == 1 ? units.get(0) : new BatteryBank(units);
    }

    @Override
    public double apply(double requestKw, double stepS) {
        double total = 0;
        if (requestKw >= 0) {
            // units that cannot discharge (empty: they draw their auxiliaries) are asked for nothing,
            // and the others make up for what those draw
            double headroom = 0;
            double drawnByEmpty = 0;
            for (Battery b : units) {
                double max = b.maxDischargeKw(stepS);
                if (max > 0) {
                    headroom += max;
                } else {
                    drawnByEmpty += max;
                }
            }
            double share = headroom > 0 ? Math.min(1, (requestKw - drawnByEmpty) / headroom) : 0;
            for (Battery b : units) {
                double max = b.maxDischargeKw(stepS);
                total += b.apply(max > 0 ? share * max : 0, stepS);
            }
        } else {
            double headroom = maxChargeKw(stepS);
            double share = headroom > 0 ? Math.min(1, -requestKw / headroom) : 0;
            for (Battery b : units) {
                total += b.apply(-share * b.maxChargeKw(stepS), stepS);
            }
        }
        return total;
    }

    @Override
    public void setAmbientC(double temperatureC) {
        for (Battery b : units) {
            b.setAmbientC(temperatureC);
        }
    }

    /** Capacity-weighted SOH; the first unit to reach its end of life sets the bank's. */
    @Override
    public BatteryHealth health() {
        double eol = Double.NaN;
        double days = 0;
        List<AugmentationEvent> events = new java.util.ArrayList<>();
        java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
        for (Battery b : units) {
            BatteryHealth h = b.health();
            if (!Double.isNaN(h.endOfLifeDay()) && !(h.endOfLifeDay() >= eol)) {
                eol = h.endOfLifeDay();
            }
            days = Math.max(days, h.daysAged());
            events.addAll(h.augmentations());
            warnings.addAll(h.warnings());
        }
        events.sort(java.util.Comparator.comparingDouble(AugmentationEvent::day));
        return new BatteryHealth(stateOfHealth(), days, eol, List.copyOf(events), List.copyOf(warnings));
    }

    @Override
    public double auxiliaryKw() {
        double s = 0;
        for (Battery b : units) {
            s += b.auxiliaryKw();
        }
        return s;
    }

    /** Capacity-weighted mean cell temperature. */
    @Override
    public double cellTemperatureC() {
        double s = 0;
        for (Battery b : units) {
            s += b.cellTemperatureC() * b.capacityKwh();
        }
        return s / capacityKwh();
    }

    @Override
    public BatteryLedger ledger() {
        BatteryLedger sum = BatteryLedger.EMPTY;
        for (Battery b : units) {
            sum = sum.plus(b.ledger());
        }
        return sum;
    }

    @Override
    public double soc() {
        return storedEnergyKwh() / capacityKwh();
    }

    @Override
    public double storedEnergyKwh() {
        double s = 0;
        for (Battery b : units) {
            s += b.storedEnergyKwh();
        }
        return s;
    }

    @Override
    public double capacityKwh() {
        double s = 0;
        for (Battery b : units) {
            s += b.capacityKwh();
        }
        return s;
    }

    /** Capacity-weighted window of the units. */
    @Override
    public double socMin() {
        double s = 0;
        for (Battery b : units) {
            s += b.socMin() * b.capacityKwh();
        }
        return s / capacityKwh();
    }

    @Override
    public double socMax() {
        double s = 0;
        for (Battery b : units) {
            s += b.socMax() * b.capacityKwh();
        }
        return s / capacityKwh();
    }

    @Override
    public double stateOfHealth() {
        double nameplate = 0;
        for (Battery b : units) {
            nameplate += b.capacityKwh() / b.stateOfHealth();
        }
        return capacityKwh() / nameplate;
    }

    @Override
    public double maxDischargeKw(double stepS) {
        double s = 0;
        for (Battery b : units) {
            s += b.maxDischargeKw(stepS);
        }
        return s;
    }

    @Override
    public double maxChargeKw(double stepS) {
        double s = 0;
        for (Battery b : units) {
            s += b.maxChargeKw(stepS);
        }
        return s;
    }
}

package dev.chikuden.battery;

import dev.chikuden.aging.AgingModel;
import dev.chikuden.battery.ecm.EquivalentCircuit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A battery system: converter (PCS) with a load-dependent efficiency, DC block with one-way
 * efficiencies, SOC window, SOC tapers and C-rate limits, standby load, an optional container
 * thermal model whose HVAC adds to the auxiliary load, and an optional aging model whose fade
 * shrinks the capacity (augmentation adds cohorts of new cells). With a flat PCS curve, no taper,
 * no thermal model and no aging it is the plain energy reservoir. An optional equivalent circuit of
 * the pack replaces the DC efficiencies for sub-second studies: its voltage limits become power
 * limits and its resistive heat the DC losses.
 *
 * <p>Every limit is enforced on every step. The accounts close exactly:
 * {@code acCharged = acDischarged + conversionLoss + fade + (storedEnd - storedStart)}; auxiliaries
 * are drawn from the AC bus on top. A step allocates nothing (aging updates once a day).
 */
public final class BatterySystem implements Battery {
    private final BatteryParameters p;
    private final PiecewiseLinear pcsCurve;
    private final boolean flatPcs;
    private final double pcsWorst;
    private final double pcsBest;
    private final double etaDcC;
    private final double etaDcD;
    private final PiecewiseLinear chargeTaper;
    private final PiecewiseLinear dischargeTaper;
    private final double chargeCap;
    private final double dischargeCap;

    private final double storedStartKwh;
    private double storedKwh;
    private double capacityKwh;

    private final Thermal thermal;
    private double cellC;
    private double ambientC = 25;
    private double hvacKw;
    private double decayStepS = -1;
    private double decay;

    private final EquivalentCircuit ecm;

    private final AgingModel aging;
    private final List<AgingModel.Cohort> cohorts = new ArrayList<>();
    private final List<Double> cohortKwh = new ArrayList<>();
    private double endOfLifeDay = Double.NaN;
    private double nextScheduledAugmentationDay;
    private final List<AugmentationEvent> augmentations = new ArrayList<>();

    private double acChargedKwh;
    private double acDischargedKwh;
    private double conversionLossKwh;
    private double auxiliaryKwh;
    private double fadeKwh;
    private double storedTurnoverKwh;
    // the last limits and the state they were computed for (NaN: none yet)
    private double dischargeLimitStepS = Double.NaN;
    private double dischargeLimitStoredKwh;
    private double dischargeLimitCapacityKwh;
    private double dischargeLimitKw;
    private double chargeLimitStepS = Double.NaN;
    private double chargeLimitStoredKwh;
    private double chargeLimitCapacityKwh;
    private double chargeLimitKw;

    public BatterySystem(BatteryParameters parameters) {
        this.p = parameters;
        this.pcsCurve = parameters.conversion().pcsEfficiency();
        this.flatPcs = pcsCurve.isConstant();
        this.pcsWorst = pcsCurve.min();
        this.pcsBest = pcsCurve.max();
        this.etaDcC = parameters.conversion().dcChargeEfficiency();
        this.etaDcD = parameters.conversion().dcDischargeEfficiency();
        this.chargeTaper = parameters.limits().chargeTaper();
        this.dischargeTaper = parameters.limits().dischargeTaper();
        this.chargeCap =
                Math.min(parameters.chargePowerKw(), parameters.limits().maxChargeCRate() * parameters.energyKwh());
        this.dischargeCap = Math.min(
                parameters.dischargePowerKw(), parameters.limits().maxDischargeCRate() * parameters.energyKwh());
        this.capacityKwh = parameters.energyKwh();
        this.storedKwh = parameters.initialSoc() * capacityKwh;
        this.storedStartKwh = storedKwh;
        this.ecm = parameters.voltageModel() != null ? new EquivalentCircuit(parameters.voltageModel()) : null;
        this.thermal = parameters.thermal();
        this.cellC = thermal != null ? thermal.initialC() : ambientC;
        this.aging = parameters.aging() != null ? parameters.aging().create() : null;
        if (aging != null) {
            cohorts.add(aging.newCohort());
            cohortKwh.add(parameters.energyKwh());
            nextScheduledAugmentationDay = parameters.augmentation().everyDays();
        }
    }

    public BatteryParameters parameters() {
        return p;
    }

    @Override
    public void setAmbientC(double temperatureC) {
        ambientC = temperatureC;
        if (thermal == null) {
            cellC = temperatureC;
        }
    }

    @Override
    public double apply(double requestKw, double stepS) {
        double h = stepS / 3600.0;
        double aux = p.standbyKw() + hvacKw;
        double pcsKw = requestKw + aux;
        double before = storedKwh;
        double soc = soc();
        double heatKwh = 0;
        if (pcsKw > 0) {
            pcsKw = Math.min(pcsKw, pcsDischargeLimitKw(stepS));
        } else if (pcsKw < 0) {
            pcsKw = -Math.min(-pcsKw, pcsChargeLimitKw(stepS));
        }
        if (pcsKw > 0) {
            double pcsEff = pcsEfficiency(pcsKw, p.dischargePowerKw());
            double dcKwh = pcsKw * h / pcsEff;
            double drawnKwh = ecm == null ? dcKwh / etaDcD : ecm.step(dcKwh / h, soc, stepS) * h;
            heatKwh = ecm == null ? drawnKwh - dcKwh : ecm.lossKw() * h;
            double room = storedKwh - minStoredKwh();
            if (drawnKwh > room) { // by rounding, or by the voltage model's losses near empty: scale down
                double scale = room / drawnKwh;
                drawnKwh = room;
                pcsKw *= scale;
                heatKwh *= scale;
            }
            storedKwh -= drawnKwh;
            acDischargedKwh += pcsKw * h;
            conversionLossKwh += drawnKwh - pcsKw * h;
        } else if (pcsKw < 0) {
            double inKwh = -pcsKw * h;
            double dcKwh = inKwh * pcsEfficiency(-pcsKw, p.chargePowerKw());
            double storedGain = ecm == null ? dcKwh * etaDcC : -ecm.step(-dcKwh / h, soc, stepS) * h;
            heatKwh = ecm == null ? dcKwh - storedGain : ecm.lossKw() * h;
            double room = maxStoredKwh() - storedKwh;
            if (storedGain > room) {
                double scale = room / storedGain;
                storedGain = room;
                inKwh *= scale;
                heatKwh *= scale;
                pcsKw = -inKwh / h;
            }
            storedKwh += storedGain;
            acChargedKwh += inKwh;
            conversionLossKwh += inKwh - storedGain;
        } else {
            pcsKw = 0;
            if (ecm != null) {
                ecm.step(0, soc, stepS); // at rest the RC pairs relax
            }
        }
        auxiliaryKwh += aux * h;
        storedTurnoverKwh += Math.abs(storedKwh - before);
        if (thermal != null) {
            thermalStep(heatKwh / h, stepS);
        }
        if (aging != null) {
            aging.addStep(soc(), cellC, stepS);
            if (aging.chunkComplete()) {
                applyAging();
            }
        }
        return pcsKw - aux;
    }

    private double pcsEfficiency(double pcsKw, double ratingKw) {
        return flatPcs ? pcsCurve.at(0) : pcsCurve.at(pcsKw / ratingKw);
    }

    /**
     * The limit the battery's state gives; the same state asks again within a step (the loops'
     * window, then the step itself), so the last answer is kept while nothing it depends on moved.
     */
    private double pcsDischargeLimitKw(double stepS) {
        if (ecm != null) {
            return dischargeLimitNow(stepS);
        }
        if (stepS != dischargeLimitStepS
                || storedKwh != dischargeLimitStoredKwh
                || capacityKwh != dischargeLimitCapacityKwh) {
            dischargeLimitKw = dischargeLimitNow(stepS);
            dischargeLimitStepS = stepS;
            dischargeLimitStoredKwh = storedKwh;
            dischargeLimitCapacityKwh = capacityKwh;
        }
        return dischargeLimitKw;
    }

    /** As {@link #pcsDischargeLimitKw}, kept like it. */
    private double pcsChargeLimitKw(double stepS) {
        if (ecm != null) {
            return chargeLimitNow(stepS);
        }
        if (stepS != chargeLimitStepS || storedKwh != chargeLimitStoredKwh || capacityKwh != chargeLimitCapacityKwh) {
            chargeLimitKw = chargeLimitNow(stepS);
            chargeLimitStepS = stepS;
            chargeLimitStoredKwh = storedKwh;
            chargeLimitCapacityKwh = capacityKwh;
        }
        return chargeLimitKw;
    }

    private double dischargeLimitNow(double stepS) {
        double h = stepS / 3600.0;
        double rating = Math.min(dischargeCap, p.dischargePowerKw() * dischargeTaper.at(soc()));
        if (ecm != null) {
            rating = Math.min(rating, acFromDcLimit(ecm.maxDischargeDcKw(soc(), stepS), true));
        }
        double room = storedKwh - minStoredKwh();
        if (room <= 0 || rating <= 0) {
            return 0;
        }
        if (room * pcsWorst * etaDcD / h >= rating) {
            return rating; // the store cannot run out within the step at any efficiency on the curve
        }
        // P * h / eta(P) <= room; eta depends on P, so a few fixed-point steps from the rated point
        double limit = room * pcsEfficiency(rating, p.dischargePowerKw()) * etaDcD / h;
        for (int i = 0; i < 4 && !flatPcs && limit < rating; i++) {
            limit = room * pcsEfficiency(limit, p.dischargePowerKw()) * etaDcD / h;
        }
        return Math.min(rating, limit);
    }

    private double chargeLimitNow(double stepS) {
        double h = stepS / 3600.0;
        double rating = Math.min(chargeCap, p.chargePowerKw() * chargeTaper.at(soc()));
        if (ecm != null) {
            rating = Math.min(rating, acFromDcLimit(ecm.maxChargeDcKw(soc(), stepS), false));
        }
        double room = maxStoredKwh() - storedKwh;
        if (room <= 0 || rating <= 0) {
            return 0;
        }
        if (room / (pcsBest * etaDcC) / h >= rating) {
            return rating; // the store cannot fill up within the step at any efficiency on the curve
        }
        double limit = room / (pcsEfficiency(rating, p.chargePowerKw()) * etaDcC) / h;
        for (int i = 0; i < 4 && !flatPcs && limit < rating; i++) {
            limit = room / (pcsEfficiency(limit, p.chargePowerKw()) * etaDcC) / h;
        }
        return Math.min(rating, limit);
    }

    /**
     * The AC power whose DC side is {@code dcKw}: the PCS efficiency is taken at the AC power, as the
     * step does, so this is a fixed point; a few iterations converge since the curve is flat-ish.
     */
    private double acFromDcLimit(double dcKw, boolean discharge) {
        double rating = discharge ? p.dischargePowerKw() : p.chargePowerKw();
        double ac = dcKw;
        for (int i = 0; i < 6; i++) {
            double eta = pcsEfficiency(ac, rating);
            ac = discharge ? dcKw * eta : dcKw / eta;
        }
        // never more DC than allowed: step back by a hair from the fixed point
        return ac * (1 - 1e-12);
    }

    /**
     * The container over one step, exactly for a constant heat input: free evolution towards
     * {@code ambient + heat / UA}; the HVAC moves whatever heat keeps the cells within the setpoints.
     */
    private void thermalStep(double heatKw, double stepS) {
        if (stepS != decayStepS) {
            decay = Math.exp(-stepS * thermal.conductanceKwPerK() / thermal.heatCapacityKjPerK());
            decayStepS = stepS;
        }
        double equilibrium = ambientC + heatKw / thermal.conductanceKwPerK();
        double free = equilibrium + (cellC - equilibrium) * decay;
        if (free > thermal.coolingAboveC()) {
            hvacKw = (free - thermal.coolingAboveC()) * thermal.heatCapacityKjPerK() / stepS / thermal.coolingCop();
            cellC = thermal.coolingAboveC();
        } else if (free < thermal.heatingBelowC()) {
            hvacKw = (thermal.heatingBelowC() - free) * thermal.heatCapacityKjPerK() / stepS / thermal.heatingCop();
            cellC = thermal.heatingBelowC();
        } else {
            hvacKw = 0;
            cellC = free;
        }
    }

    private void applyAging() {
        aging.applyChunk(cohorts);
        double fadedKwh = 0;
        for (int i = 0; i < cohorts.size(); i++) {
            fadedKwh += cohortKwh.get(i) * cohorts.get(i).relativeCapacity();
        }
        setCapacity(fadedKwh);
        double soh = stateOfHealth();
        double day = aging.daysApplied();
        if (Double.isNaN(endOfLifeDay) && soh <= p.endOfLifeSoh()) {
            endOfLifeDay = day;
        }
        Augmentation aug = p.augmentation();
        boolean scheduled = aug.everyDays() > 0 && day >= nextScheduledAugmentationDay - 1e-9;
        if (scheduled) {
            nextScheduledAugmentationDay += aug.everyDays();
        }
        if ((aug.whenSohBelow() > 0 && soh < aug.whenSohBelow()) || scheduled) {
            double addedKwh = p.energyKwh() - capacityKwh;
            if (addedKwh > 0) {
                cohorts.add(aging.newCohort());
                cohortKwh.add(addedKwh);
                augmentations.add(new AugmentationEvent(p.name(), day, addedKwh, soh));
                capacityKwh = p.energyKwh(); // new cells arrive empty: stored energy stays, SOC falls
            }
        }
    }

    /** Fade keeps the SOC: the charge held by the lost capacity is lost with it. */
    private void setCapacity(double newCapacityKwh) {
        double newStored = storedKwh * newCapacityKwh / capacityKwh;
        fadeKwh += storedKwh - newStored;
        storedKwh = newStored;
        capacityKwh = newCapacityKwh;
    }

    private double minStoredKwh() {
        return p.socMin() * capacityKwh;
    }

    private double maxStoredKwh() {
        return p.socMax() * capacityKwh;
    }

    @Override
    public double maxDischargeKw(double stepS) {
        return pcsDischargeLimitKw(stepS) - p.standbyKw() - hvacKw;
    }

    @Override
    public double maxChargeKw(double stepS) {
        return pcsChargeLimitKw(stepS) + p.standbyKw() + hvacKw;
    }

    @Override
    public double soc() {
        return storedKwh / capacityKwh;
    }

    @Override
    public double storedEnergyKwh() {
        return storedKwh;
    }

    @Override
    public double capacityKwh() {
        return capacityKwh;
    }

    @Override
    public double socMin() {
        return p.socMin();
    }

    @Override
    public double socMax() {
        return p.socMax();
    }

    @Override
    public double stateOfHealth() {
        return capacityKwh / p.energyKwh();
    }

    @Override
    public double cellTemperatureC() {
        return cellC;
    }

    @Override
    public double auxiliaryKw() {
        return p.standbyKw() + hvacKw;
    }

    /** Pack terminal voltage after the last step, NaN without the voltage model. */
    public double packVoltage() {
        return ecm == null ? Double.NaN : ecm.terminalVoltage();
    }

    @Override
    public BatteryHealth health() {
        List<String> warnings = aging == null ? List.of() : List.copyOf(new LinkedHashSet<>(aging.validityWarnings()));
        return new BatteryHealth(
                stateOfHealth(),
                aging == null ? 0 : aging.daysApplied(),
                endOfLifeDay,
                List.copyOf(augmentations),
                warnings);
    }

    @Override
    public BatteryLedger ledger() {
        return new BatteryLedger(
                acChargedKwh,
                acDischargedKwh,
                conversionLossKwh,
                auxiliaryKwh,
                fadeKwh,
                storedStartKwh,
                storedKwh,
                storedTurnoverKwh,
                p.energyKwh());
    }
}

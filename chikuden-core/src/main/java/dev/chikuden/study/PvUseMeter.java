package dev.chikuden.study;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;

/**
 * Where the PV energy went and where the load's came from, step by step: PV used directly, stored
 * and used later, exported; the battery's energy traced to its origin, so energy it took from the
 * grid never counts as PV. The stored energy is one well-mixed pool: charging from the PV surplus
 * raises its PV share, charging from the grid lowers it, and a discharge carries the share of the
 * moment. A charge is from PV up to the step's surplus ({@code pv - load}), the rest from the grid;
 * an export is the battery's up to its discharge, the rest PV. The pool starts with no PV in it.
 */
public final class PvUseMeter implements StepSink {
    private final double stepHours;
    private final double capacityKwh;
    private double pvShare;
    private double socBefore;
    private double pvKwh;
    private double loadKwh;
    private double pvToLoadKwh;
    private double pvViaBatteryKwh;
    private double pvExportedKwh;
    private double batteryExportedKwh;
    private double pvChargedKwh;
    private double gridChargedKwh;
    private double dischargedToLoadKwh;

    /**
     * @param capacityKwh the batteries' nameplate energy, 0 for none
     * @param initialSoc  their SOC at the start (NaN for none)
     */
    public PvUseMeter(double stepSeconds, double capacityKwh, double initialSoc) {
        this.stepHours = stepSeconds / 3600;
        this.capacityKwh = capacityKwh;
        this.socBefore = initialSoc;
    }

    @Override
    public void accept(StepChunk c) {
        if (withoutBattery(c)) {
            acceptWithoutBattery(c);
            return;
        }
        for (int i = 0; i < c.count(); i++) {
            double pv = Math.max(0, c.pvKw[i]);
            double load = c.loadKw[i];
            double battery = c.batteryKw[i];
            double direct = Math.min(pv, load);
            double surplus = pv - direct;
            double charge = Math.max(0, -battery);
            double discharge = Math.max(0, battery);
            double export = Math.max(0, -c.gridKw[i]);
            double batteryExport = Math.min(discharge, export);
            double fromPv = Math.min(charge, surplus);
            pvKwh += pv * stepHours;
            loadKwh += load * stepHours;
            pvToLoadKwh += direct * stepHours;
            pvExportedKwh += (export - batteryExport) * stepHours;
            batteryExportedKwh += batteryExport * stepHours;
            pvViaBatteryKwh += (discharge - batteryExport) * pvShare * stepHours;
            dischargedToLoadKwh += (discharge - batteryExport) * stepHours;
            pvChargedKwh += fromPv * stepHours;
            gridChargedKwh += (charge - fromPv) * stepHours;
            if (charge > 0 && capacityKwh > 0) {
                double stored = Math.max(0, socBefore) * capacityKwh;
                double in = charge * stepHours;
                pvShare = (pvShare * stored + fromPv * stepHours) / (stored + in);
            }
            socBefore = c.soc[i];
        }
    }

    private static boolean withoutBattery(StepChunk c) {
        boolean none = true;
        for (int i = 0; i < c.count(); i++) {
            // a NaN anywhere turns the battery's terms NaN in the full loop: it takes that loop
            none &= c.batteryKw[i] == 0 & !Double.isNaN(c.loadKw[i] + c.pvKw[i] + c.gridKw[i]);
        }
        return none;
    }

    /**
     * A chunk in which the battery did nothing: the loop above with its battery terms, each + 0.0,
     * left out (the sums start at +0.0, so they come out the same to the bit).
     */
    private void acceptWithoutBattery(StepChunk c) {
        for (int i = 0; i < c.count(); i++) {
            double pv = Math.max(0, c.pvKw[i]);
            double load = c.loadKw[i];
            pvKwh += pv * stepHours;
            loadKwh += load * stepHours;
            pvToLoadKwh += Math.min(pv, load) * stepHours;
            pvExportedKwh += Math.max(0, -c.gridKw[i]) * stepHours;
        }
        if (c.count() > 0) {
            socBefore = c.soc[c.count() - 1];
        }
    }

    public PvUse result() {
        return new PvUse(
                pvKwh,
                loadKwh,
                pvToLoadKwh,
                pvViaBatteryKwh,
                pvExportedKwh,
                batteryExportedKwh,
                pvChargedKwh,
                gridChargedKwh,
                dischargedToLoadKwh);
    }

    /**
     * A case's PV and load energy by where it went and came from.
     *
     * @param pvViaBatteryKwh     PV energy the battery delivered to the load (its share of the discharge)
     * @param batteryExportedKwh  battery energy that left the site (押し上げ when under FIT: must be 0)
     * @param dischargedToLoadKwh the battery's discharge that stayed on site, whatever its origin
     */
    public record PvUse(
            double pvKwh,
            double loadKwh,
            double pvToLoadKwh,
            double pvViaBatteryKwh,
            double pvExportedKwh,
            double batteryExportedKwh,
            double pvChargedKwh,
            double gridChargedKwh,
            double dischargedToLoadKwh) {
        /** The share of PV energy used on site, directly or through the battery. */
        public double selfConsumption() {
            return pvKwh > 0 ? (pvToLoadKwh + pvViaBatteryKwh) / pvKwh : Double.NaN;
        }

        /** The share of the load met by PV, directly or through the battery. */
        public double selfSufficiency() {
            return loadKwh > 0 ? (pvToLoadKwh + pvViaBatteryKwh) / loadKwh : Double.NaN;
        }

        /** PV neither used on site nor exported: lost in the battery or still stored at the end. */
        public double pvLostOrStoredKwh() {
            return pvKwh - pvToLoadKwh - pvViaBatteryKwh - pvExportedKwh;
        }
    }
}

package dev.chikuden.study;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.SelfConsumption;
import dev.chikuden.resilience.OutageInputs;
import dev.chikuden.resilience.OutageResult;
import dev.chikuden.resilience.OutageSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * What a home (or shop) battery with PV is worth, explained: the first year's bill saving split by
 * counterfactuals, and the hours the battery carries the house through an outage.
 *
 * <p>The split, in this order: (1) the battery storing only the PV surplus (the site's backup
 * reserve kept, a {@link SelfConsumption} layer without grid charging) against no battery: the
 * imports it avoids are the <em>self-consumption gain</em>, the exports it no longer sells the
 * <em>lost export revenue</em> (negative); (2) the site's own strategy against (1): the
 * <em>time-of-use shift</em> (charging from the grid in cheap hours, or whatever else the strategy
 * does beyond storing PV). The three sum exactly to the bill saving, line by line in whole yen.
 */
public final class HouseholdStudy {
    /** The longest outage tried, hours. */
    static final double MAX_OUTAGE_HOURS = 72;
    /** The outage lengths whose ride-through share is reported, hours. */
    public static final double[] OUTAGE_HOURS = {3, 6, 12, 24};

    private static final String EXPORT_LINE = "exportSaleYen";

    private HouseholdStudy() {}

    /**
     * @param selfConsumptionYen imports avoided by storing PV surplus (case 1 against no battery)
     * @param lostExportYen      export sales given up by storing it (negative or 0)
     * @param touShiftYen        the site's strategy against storing only PV (case 2 against 1)
     * @param pvOnlyBillYen      the bill of case 1
     * @param pvOnlyIsTheStrategy the site's strategy already stores only PV: case 1 is the with-battery case
     */
    public record SavingSplit(
            long selfConsumptionYen,
            long lostExportYen,
            long touShiftYen,
            long pvOnlyBillYen,
            boolean pvOnlyIsTheStrategy) {
        public long savingYen() {
            return selfConsumptionYen + lostExportYen + touShiftYen;
        }
    }

    /**
     * Hours the battery (recharged by PV, never by the grid) carries {@code criticalLoadKw} from each
     * step of the first year with battery, starting from the SOC the simulation had then.
     *
     * @param criticalLoadBasis where the critical load comes from
     * @param rideThrough       the share of start times that ride through each of {@link #OUTAGE_HOURS}
     */
    public record OutageCover(
            double criticalLoadKw,
            String criticalLoadBasis,
            double meanHours,
            double minHours,
            double[] rideThrough,
            double cappedAtHours) {}

    /** The saving split of {@code r}, a study of a site with PV, battery and tariff. */
    public static SavingSplit split(PlanStudy.Result r) {
        SiteConfig site = r.site();
        SiteBilling.Bills bills = r.bills();
        StrategySpec pvOnly = pvOnlyStrategy(site);
        boolean same = pvOnly.equals(site.strategy());
        SiteBilling.CaseBill pvOnlyBill;
        if (same) {
            pvOnlyBill = bills.withBattery();
        } else {
            TimeGrid grid = site.study().timeGrid(site.zone());
            BillingMeter meter = new BillingMeter(grid);
            PlanStudy.simulate(site.withStrategy(pvOnly), PlanStudy.Case.WITH_BATTERY, (c, g) -> List.of(meter));
            pvOnlyBill = SiteBilling.bills(site, meter.slots(), null).withoutBattery();
        }
        long none = bills.withoutBattery().totalYen();
        long one = pvOnlyBill.totalYen();
        long two = bills.withBattery().totalYen();
        long exportNone = bills.withoutBattery().bill().lineItemsYen().getOrDefault(EXPORT_LINE, 0L);
        long exportOne = pvOnlyBill.bill().lineItemsYen().getOrDefault(EXPORT_LINE, 0L);
        return new SavingSplit((none - exportNone) - (one - exportOne), exportNone - exportOne, one - two, one, same);
    }

    /**
     * The strategy of counterfactual (1): the site's backup-reserve layers, then self-consumption
     * without grid charging. A site whose strategy is exactly that gets it back unchanged.
     */
    static StrategySpec pvOnlyStrategy(SiteConfig site) {
        List<StrategySpec.Layer> layers = new ArrayList<>();
        if (site.strategy() instanceof StrategySpec.Stack stack) {
            for (StrategySpec.Layer l : stack.layers()) {
                if (l instanceof StrategySpec.BackupReserve) {
                    layers.add(l);
                }
            }
            layers.add(new StrategySpec.SelfConsumption(null));
            StrategySpec.Stack candidate = new StrategySpec.Stack(stack.pcsRampKwPerS(), layers);
            return candidate.layers().equals(stack.layers()) ? stack : candidate;
        }
        layers.add(new StrategySpec.SelfConsumption(null));
        return new StrategySpec.Stack(Double.POSITIVE_INFINITY, layers);
    }

    /** The outage cover of the first year with battery, from its recorded steps. */
    static OutageCover outageCover(SiteConfig site, StepSeries s, double stepHours) {
        double capacity = 0;
        double minKwh = 0;
        double maxKwh = 0;
        double dischargeKw = 0;
        double chargeKw = 0;
        double etaOut = 1;
        double etaIn = 1;
        for (BatteryParameters b : site.batteries()) {
            capacity += b.energyKwh();
            minKwh += b.socMin() * b.energyKwh();
            maxKwh += b.socMax() * b.energyKwh();
            dischargeKw += b.dischargePowerKw();
            chargeKw += b.chargePowerKw();
            double pcs = b.conversion().pcsEfficiency().max();
            etaOut = Math.min(etaOut, b.conversion().dcDischargeEfficiency() * pcs);
            etaIn = Math.min(etaIn, b.conversion().dcChargeEfficiency() * pcs);
        }
        int n = s.soc.length;
        double[] stored = new double[n];
        double[] critical = new double[n];
        double fixed = criticalLoadKw(site);
        for (int t = 0; t < n; t++) {
            // the stored energy at the start of step t: the SOC at the end of the step before
            double soc = t == 0 ? initialSoc(site) : s.soc[t - 1];
            stored[t] = Math.max(0, Math.min(maxKwh, soc * capacity));
            critical[t] = Double.isNaN(fixed) ? Math.max(0, s.loadKw[t]) : fixed;
        }
        double[] pv = new double[n];
        for (int t = 0; t < n; t++) {
            pv[t] = Math.max(0, s.pvKw[t]);
        }
        OutageResult r = new OutageSimulator()
                .simulate(new OutageInputs(
                        stepHours,
                        stored,
                        Math.min(minKwh, maxKwh),
                        maxKwh,
                        critical,
                        pv,
                        dischargeKw,
                        chargeKw,
                        etaOut,
                        etaIn,
                        MAX_OUTAGE_HOURS));
        return new OutageCover(
                Double.isNaN(fixed) ? Double.NaN : fixed,
                criticalLoadBasis(site),
                r.meanSurvivedHours(),
                r.minSurvivedHours(),
                r.survivalCurve(OUTAGE_HOURS),
                MAX_OUTAGE_HOURS);
    }

    /** The outage section's critical load, else the backup reserve's, else NaN: the whole house. */
    private static double criticalLoadKw(SiteConfig site) {
        if (site.planning().outage() != null) {
            return site.planning().outage().criticalLoadKw();
        }
        if (site.strategy() instanceof StrategySpec.Stack stack) {
            for (StrategySpec.Layer l : stack.layers()) {
                if (l instanceof StrategySpec.BackupReserve b) {
                    return b.criticalLoadKw();
                }
            }
        }
        return Double.NaN;
    }

    private static String criticalLoadBasis(SiteConfig site) {
        if (site.planning().outage() != null) {
            return "outage.criticalLoad";
        }
        return Double.isNaN(criticalLoadKw(site)) ? "the whole load" : "the backup reserve's critical load";
    }

    /** The batteries' SOC at the start, weighted by their energy. */
    static double initialSoc(SiteConfig site) {
        double e = 0;
        double stored = 0;
        for (BatteryParameters b : site.batteries()) {
            e += b.energyKwh();
            stored += b.energyKwh() * b.initialSoc();
        }
        return stored / e;
    }
}

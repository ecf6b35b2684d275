package dev.chikuden.optimize;

import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.ScheduleFollower;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.BillCalculator;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.Tariff;
import dev.chikuden.time.TimeGrid;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The optimal dispatch played through the site's full battery model at the study step (PCS curve,
 * tapers, HVAC, aging) and billed by the tariff engine: what the LP's linear battery misses shows
 * as the difference between this bill and the LP's.
 *
 * @param simulatedBillYen the tariff engine's bill of the simulated grid power
 * @param lpBillYen        the LP's bill (energy, basic and excess charges, exports), unrounded
 * @param scheduleShortfallKwh scheduled battery energy the model could not deliver (limits, tapers), both ways
 * @param endShortfallKwh  stored energy the simulated battery ends below the LP's plan: the model draws
 *                         its auxiliaries (standby, HVAC) from the store and loses more than the LP's
 *                         linear efficiencies say; negative when it ends above
 * @param endShortfallYen  what buying that energy back costs: kWh over the charge efficiency at the
 *                         mean import price of the study
 */
public record DispatchCheck(double simulatedBillYen, double lpBillYen, double scheduledKwh, double scheduleShortfallKwh,
                            double endShortfallKwh, double endShortfallYen, SimulationResult simulation, Bill bill) {
    /**
     * (simulated bill + the energy the battery ends short, at its price - LP bill) / LP bill: the
     * two end at the same stored energy, so the difference is what the LP's linear battery misses.
     */
    public double relativeDifference() {
        return (simulatedBillYen + endShortfallYen - lpBillYen) / lpBillYen;
    }

    /**
     * Follows the dispatch's energy per period (the LP's mean power is what must be delivered in
     * it) with the site's batteries at the study step, and bills the grid power. An optimised
     * contract is billed exactly as the LP chose it (not rounded to whole kW), so the difference
     * is the linearisation's alone.
     */
    public static DispatchCheck of(SiteConfig site, DispatchProblem p, DispatchSolution s) {
        return of(site, p, s, null);
    }

    /** The check, telling {@code progress} (when not null) the steps simulated, up to the study's steps. */
    public static DispatchCheck of(SiteConfig site, DispatchProblem p, DispatchSolution s, LongConsumer progress) {
        TimeGrid grid = SiteModels.timeGrid(site);
        double h = p.periodHours();
        double[] energy = new double[s.periods()];
        double scheduled = 0;
        for (int t = 0; t < energy.length; t++) {
            energy[t] = s.batteryKw(t) * h;
            scheduled += Math.abs(energy[t]);
        }
        ScheduleFollower follower = ScheduleFollower.energy(p.startEpochMs(), p.periodMs(), energy);
        BillingMeter meter = new BillingMeter(grid);
        SimulationEngine engine = new SimulationEngine(grid, SiteModels.load(site, grid), SiteModels.pv(site, grid),
                SiteModels.ambient(site, grid), SiteModels.battery(site),
                new ControllerStack(List.of(follower), Double.POSITIVE_INFINITY), site.grid().frequencyHz(),
                SimulationEngine.DEFAULT_CHUNK);
        SimulationResult r = engine.run(List.of(meter), progress);
        Tariff tariff = site.billing().tariff();
        if (p.demand() != null && p.demand().mode() == DispatchProblem.ContractMode.OPTIMISED) {
            tariff = tariff.withAgreedKw(s.contractKw());
        }
        Bill bill = new BillCalculator(tariff, site.zone(), SiteModels.prices(site)).bill(meter.slots());
        double delivered = r.battery().acDischargedKwh() + r.battery().acChargedKwh();
        double shortKwh = s.storedKwh()[s.periods() - 1] - r.battery().storedEndKwh();
        double meanPrice = 0;
        for (double price : p.importYenPerKwh()) {
            meanPrice += price / p.periods();
        }
        double shortYen = shortKwh / p.storage().chargeEfficiency() * meanPrice;
        return new DispatchCheck(bill.totalYen(), s.costs().billYen(), scheduled, Math.max(0, scheduled - delivered),
                shortKwh, shortYen, r, bill);
    }
}

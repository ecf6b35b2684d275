package dev.chikuden.optimize;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.battery.Thermal;
import dev.chikuden.battery.WearCost;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.Physics;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import dev.chikuden.profile.PeriodMeans;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.study.SiteModels;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.tariff.TariffRates;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch problem of a configured site over its first study year: load and PV averaged to
 * the LP period, the with-battery tariff's unit prices and demand charges, the batteries as one
 * store, the backup reserve of its strategy as an energy floor.
 *
 * <p>What the battery model enforces, as the LP sees it: power capped at the C-rate limit; the
 * standby load, and the HVAC's load against the ambient (the cells held at the cooling setpoint
 * by their own losses, {@link dev.chikuden.battery.Thermal#coolingKw}), in the net load as the
 * battery's auxiliaries; for a single battery, its PCS curve, DC efficiencies, SOC tapers and the
 * HVAC's load per kW of losses as {@link Physics} (several batteries are one linear store at their
 * rated efficiencies).
 */
public final class SiteDispatch {
    /**
     * The share of the SOC window a battery the LP linearises keeps above its floor (no more than it
     * starts with): a plan runs the store down to its floor before a peak, and the real battery, its
     * efficiencies and HVAC a little off the LP's, would reach it a few kWh early, the peak's last
     * minutes undelivered. The demand limiter spends this reserve instead; the follower refills it.
     */
    static final double LIMITER_RESERVE = 0.01;
    /** The default cell temperature for the wear cost, °C. */
    private static final double WEAR_TEMPERATURE_C = 25;

    private SiteDispatch() {}

    /** The site's problem; {@code periodMs} overrides the site's LP step when {@code > 0}. */
    public static DispatchProblem problem(SiteConfig site, long periodMs) {
        PlanningSpec.OptimizeSpec o = site.planning().optimize();
        long period = periodMs > 0 ? periodMs : o.periodMs();
        if (site.billing() == null || site.billing().tariff() == null) {
            throw new BadInputException(site.source() + ": tariff: the dispatch optimisation prices energy and demand "
                    + "by the site's tariff; add a tariff section (e.g. preset: kansai-high-voltage-as)");
        }
        if (site.billing().tariff().energyTiers() != null) {
            // a tier's price depends on the month's total import, which no price per period states
            throw new BadInputException(site.source() + ": tariff.energyTiers: \""
                    + site.billing().tariff().name()
                    + "\" prices energy by tiers of the month's total kWh, which the dispatch LP (optimize, size, "
                    + "mpc) cannot price period by period; plan bills it exactly under a rule strategy, and the LP "
                    + "takes a menu whose energy is priced by time (energy bands, e.g. preset: kansai-hapi-e-time-r)");
        }
        TimeGrid grid = SiteModels.timeGrid(site);
        if (grid.stepMs() > period ? grid.stepMs() % period != 0 : period % grid.stepMs() != 0) {
            throw new BadInputException(site.source() + ": study.step: " + grid.stepMs() / 1000.0 + " s does not tile "
                    + "the LP period of " + period / 60_000 + " min; use a step that divides it");
        }
        double[] load = PeriodMeans.of(SiteModels.load(site, grid), grid, period);
        double[] pv = PeriodMeans.of(SiteModels.pv(site, grid), grid, period);
        int n = load.length;
        TariffRates rates = new TariffRates(site.billing().tariff(), site.zone(), SiteModels.prices(site));
        double[] net = new double[n];
        double[] importPrice = new double[n];
        double[] exportPrice = new double[n];
        double[] exportLimit = new double[n];
        boolean sells = rates.tariff().exportSale() != null;
        // a FIT term or a PV-only buy-back: exports are the PV surplus at most, so the battery never
        // discharges into export (the NoBatteryExport layer's rule for the simulated strategies)
        long noBatteryExportUntil = SiteModels.batteryExportForbiddenUntil(site);
        for (int t = 0; t < n; t++) {
            long at = grid.startEpochMs() + t * period;
            net[t] = load[t] - pv[t];
            importPrice[t] = rates.importYenPerKwh(at);
            exportPrice[t] = rates.exportYenPerKwh(at);
            exportLimit[t] = sells && at >= noBatteryExportUntil ? Double.POSITIVE_INFINITY : Math.max(0, -net[t]);
        }
        DemandCharge demand = demand(site, rates, grid.startEpochMs(), period, net);
        List<ReserveMarket> reserves = MarketOffers.reserves(
                site.planning().markets(), site.source(), site.zone(), grid.startEpochMs(), period, n);
        DispatchProblem bare = new DispatchProblem(
                grid.startEpochMs(),
                period,
                net,
                importPrice,
                exportPrice,
                exportLimit,
                site.grid().importLimitKw(),
                null,
                demand,
                reserves,
                new double[n],
                null,
                site.grid().exportLimitKw());
        return withBatteries(bare, site, ambientC(site, period));
    }

    /** The air around the site's batteries, per LP period, °C; null when none of them has an HVAC. */
    public static double[] ambientC(SiteConfig site, long periodMs) {
        if (site.batteries().stream().noneMatch(b -> b.thermal() != null)) {
            return null;
        }
        TimeGrid grid = SiteModels.timeGrid(site);
        return PeriodMeans.of(SiteModels.ambient(site, grid), grid, periodMs);
    }

    /**
     * {@code bare}, a problem without battery, with the site's batteries: their store, and their
     * auxiliaries (standby, and the HVAC against {@code ambientC}) in the net load, exports limited
     * alike where only a surplus may flow out.
     *
     * @param ambientC per period, as {@link #ambientC}; null when no battery has an HVAC
     */
    public static DispatchProblem withBatteries(DispatchProblem bare, SiteConfig site, double[] ambientC) {
        int n = bare.periods();
        double standby = standbyKw(site);
        double[] net = bare.netLoadKw().clone();
        double[] exportLimit = bare.exportLimitKw().clone();
        double[] aux = new double[n];
        for (int t = 0; t < n; t++) {
            aux[t] = standby;
            for (BatteryParameters b : site.batteries()) {
                aux[t] += b.thermal() == null ? 0 : b.thermal().coolingKw(ambientC[t], 0);
            }
            net[t] += aux[t];
            if (exportLimit[t] != Double.POSITIVE_INFINITY) {
                exportLimit[t] = Math.max(0, -net[t]);
            }
        }
        Storage storage = storage(site);
        return new DispatchProblem(
                bare.startEpochMs(),
                bare.periodMs(),
                net,
                bare.importYenPerKwh(),
                bare.exportYenPerKwh(),
                exportLimit,
                bare.importLimitKw(),
                storage,
                bare.demand(),
                bare.reserves(),
                aux,
                MarketOffers.heldKwh(
                        site.planning().markets(),
                        storage,
                        site.zone(),
                        bare.startEpochMs(),
                        bare.periodMs(),
                        bare.importYenPerKwh()),
                bare.connectionExportKw());
    }

    /** The batteries' standby load, part of the auxiliaries the problem folds into the net load. */
    public static double standbyKw(SiteConfig site) {
        double standby = 0;
        for (BatteryParameters b : site.batteries()) {
            standby += b.standbyKw();
        }
        return standby;
    }

    /** The site's batteries as one store; null for a site without any. */
    public static Storage storage(SiteConfig site) {
        if (site.batteries().isEmpty()) {
            return null;
        }
        PlanningSpec.OptimizeSpec o = site.planning().optimize();
        double charge = 0;
        double discharge = 0;
        double floor = 0;
        double max = 0;
        double initial = 0;
        double terminal = 0;
        double chargeLoss = 0;
        double dischargeLoss = 0;
        double wear = 0;
        double energy = 0;
        for (BatteryParameters b : site.batteries()) {
            energy += b.energyKwh();
            double chargeKw = Math.min(b.chargePowerKw(), b.limits().maxChargeCRate() * b.energyKwh());
            double dischargeKw = Math.min(b.dischargePowerKw(), b.limits().maxDischargeCRate() * b.energyKwh());
            charge += chargeKw;
            discharge += dischargeKw;
            floor += b.energyKwh() * b.socMin();
            max += b.energyKwh() * b.socMax();
            initial += b.energyKwh() * b.initialSoc();
            terminal += b.energyKwh() * (Double.isNaN(o.terminalSoc()) ? b.initialSoc() : o.terminalSoc());
            PiecewiseLinear pcs = b.conversion().pcsEfficiency();
            chargeLoss += b.energyKwh()
                    * pcs.at(load(chargeKw, b.chargePowerKw()))
                    * b.conversion().dcChargeEfficiency();
            dischargeLoss += b.energyKwh()
                    * pcs.at(load(dischargeKw, b.dischargePowerKw()))
                    * b.conversion().dcDischargeEfficiency();
            wear += b.energyKwh() * wearCost(site, b);
        }
        double dischargeEfficiency = dischargeLoss / energy;
        floor += backupReserveKwh(site.strategy(), dischargeEfficiency);
        if (floor > max) {
            throw new BadInputException(site.source() + ": strategy: the backup reserve needs "
                    + Math.round(floor - max) + " kWh more than the SOC window holds");
        }
        Physics physics =
                site.batteries().size() == 1 ? physics(site.batteries().get(0)) : null;
        if (physics != null) {
            // the limiter's reserve: energy the plan leaves for the limiter, where the linearised battery ends short
            floor += Math.min(LIMITER_RESERVE * (max - floor), Math.max(0, initial - floor));
        }
        return new Storage(
                charge,
                discharge,
                chargeLoss / energy,
                dischargeEfficiency,
                floor,
                max,
                Math.max(initial, Math.min(floor, max)),
                Math.min(terminal, max),
                wear / energy,
                physics);
    }

    /** The converter's load at {@code kw}: the PCS curve's x. */
    private static double load(double kw, double ratingKw) {
        return ratingKw > 0 ? kw / ratingKw : 1;
    }

    private static Physics physics(BatteryParameters b) {
        if (!(b.chargePowerKw() > 0 && b.dischargePowerKw() > 0)) {
            return null;
        }
        Thermal t = b.thermal();
        return new Physics(
                b.conversion().pcsEfficiency(),
                b.chargePowerKw(),
                b.dischargePowerKw(),
                b.conversion().dcChargeEfficiency(),
                b.conversion().dcDischargeEfficiency(),
                b.energyKwh(),
                b.limits().chargeTaper(),
                b.limits().dischargeTaper(),
                t == null ? 0 : 1 / t.coolingCop());
    }

    private static double wearCost(SiteConfig site, BatteryParameters b) {
        double configured = site.planning().optimize().degradationYenPerKwh();
        if (!Double.isNaN(configured)) {
            return configured;
        }
        PlanningSpec.FinanceSpec f = site.planning().finance();
        return f == null ? 0 : WearCost.yenPerKwhDischarged(b, f.replacementYenPerKwh(), WEAR_TEMPERATURE_C);
    }

    /** Stored energy the strategy's backup reserve holds back for its critical load. */
    private static double backupReserveKwh(StrategySpec strategy, double dischargeEfficiency) {
        if (strategy instanceof StrategySpec.Stack stack) {
            for (StrategySpec.Layer l : stack.layers()) {
                if (l instanceof StrategySpec.BackupReserve r) {
                    return r.criticalLoadKw() * r.durationHours() / dischargeEfficiency;
                }
            }
        }
        return 0;
    }

    /**
     * The demand charges of the site's case with battery, contracted as {@link SiteBilling} bills it:
     * a ratchet when the bill is one (its months before the study as the bill takes them, from the
     * net load without battery), else one contract the LP chooses (auto) or the fixed one.
     */
    private static DemandCharge demand(SiteConfig site, TariffRates rates, long startMs, long period, double[] net) {
        int n = net.length;
        List<YearMonth> months = new ArrayList<>();
        int[] monthOf = new int[n];
        for (int t = 0; t < n; t++) {
            YearMonth m =
                    YearMonth.from(Instant.ofEpochMilli(startMs + t * period).atZone(site.zone()));
            if (months.isEmpty() || !months.get(months.size() - 1).equals(m)) {
                months.add(m);
            }
            monthOf[t] = months.size() - 1;
        }
        double[] basic = new double[months.size()];
        double[] excess = new double[months.size()];
        double[] covered = new double[months.size()];
        for (int t = 0; t < n; t++) {
            covered[monthOf[t]] += period / 1000.0;
        }
        for (int m = 0; m < basic.length; m++) {
            basic[m] = rates.basicYenPerKwMonth() * covered[m] / (months.get(m).lengthOfMonth() * 86_400.0);
            excess[m] = rates.excessYenPerKw();
        }
        int perSlot = (int) (1_800_000 / period);
        Map<YearMonth, Double> peaks = monthlyPeaks(net, perSlot, monthOf, months);
        double peak =
                peaks.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        ContractRule rule = site.grid().contract();
        boolean ratchet = SiteBilling.ratcheted(site, peak);
        ContractMode mode = ratchet ? ContractMode.RATCHET : rule.auto() ? ContractMode.OPTIMISED : ContractMode.FIXED;
        return new DemandCharge(
                perSlot,
                monthOf,
                basic,
                excess,
                mode,
                ratchet ? 0 : rule.fixedKw(true),
                new double[basic.length],
                rule.exceedance() == ContractRule.Exceedance.FORBID,
                ratchet ? ratchetFloors(site, peaks, months) : new double[basic.length]);
    }

    /** Each month's largest 30-minute mean import of {@code net}. */
    private static Map<YearMonth, Double> monthlyPeaks(
            double[] net, int perSlot, int[] monthOf, List<YearMonth> months) {
        Map<YearMonth, Double> peaks = new LinkedHashMap<>();
        for (int first = 0; first < net.length; first += perSlot) {
            int last = Math.min(net.length, first + perSlot);
            double mean = 0;
            for (int t = first; t < last; t++) {
                mean += net[t] / (last - first);
            }
            peaks.merge(months.get(monthOf[first]), Math.max(0, mean), Math::max);
        }
        return peaks;
    }

    /**
     * A first year's ratchet floors: for each month, the largest demand of the months before the
     * study among its 12, as the bill takes them (the year without battery repeated, none below the
     * tariff's previousPeak).
     */
    private static double[] ratchetFloors(SiteConfig site, Map<YearMonth, Double> peaks, List<YearMonth> months) {
        Map<YearMonth, Double> prior = SiteBilling.priorPeaks(peaks);
        double known = site.billing().tariff().contract().previousPeakKw();
        double[] floors = new double[months.size()];
        for (int m = 0; m < floors.length; m++) {
            for (int back = 1; back <= 11; back++) {
                Double kw = prior.get(months.get(m).minusMonths(back));
                if (kw != null) {
                    floors[m] = Math.max(floors[m], Math.max(kw, known));
                }
            }
        }
        return floors;
    }
}

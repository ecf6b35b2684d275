package dev.chikuden.study;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.BillCalculator;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.tariff.SlotEnergy;
import dev.chikuden.tariff.Tariff;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one bill function of every command: a case's 30-minute slot energy billed by the site's
 * tariff, at the contract {@code grid.contract} gives that case. {@code plan}, {@code optimize},
 * {@code size}, {@code bill} and the report all bill through here, so the same grid series gets
 * the same bill to the yen whichever command prints it.
 *
 * <p>The contract of a case: a fixed {@code grid.contract} as given; under {@code auto} with
 * {@code exceedance: forbid}, the case's own planned peak rounded up to a whole kW; with
 * {@code penalty}, the contract that minimises the case's bill with its excess charges. A site
 * with loads whose case without battery peaks under 500 kW (or a tariff that says {@code contract:
 * ratchet}) is billed in both cases by the 12-month maximum demand; the case with battery then
 * inherits the months before the study from the case without, so its first year and its steady
 * state differ. A site without loads (a grid battery) is no small customer: its case without
 * battery draws nothing, and its connection is agreed like any other.
 */
public final class SiteBilling {
    private static final String EXCESS_DEMAND_CHARGE = "excessDemandChargeYen";

    private SiteBilling() {}

    /** How a case's contract was set. */
    public enum ContractBasis {
        /** The case's own largest planned 30-minute demand, rounded up to a whole kW. */
        OWN_PEAK("own-peak"),
        /** The contract that minimises the bill with its excess charges. */
        LEAST_COST("least-cost"),
        /** As fixed in the site file. */
        FIXED("fixed"),
        /** The largest demand of the month and the 11 before it. */
        RATCHET("ratchet");

        private final String id;

        ContractBasis(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One case's bill.
     *
     * @param contractKw         the largest contract of any month billed
     * @param peakDemand30minKw  the case's largest 30-minute demand in the bill
     */
    public record CaseBill(Bill bill, double contractKw, double peakDemand30minKw, ContractBasis basis) {
        public long totalYen() {
            return bill.totalYen();
        }
    }

    /**
     * Both cases' bills.
     *
     * @param withBattery            null for a site without battery
     * @param withBatterySteadyState a ratchet's later years (the 11 months before are the battery's own); null otherwise
     * @param savingAtOwnPeaksYen    with fixed contracts: the saving were each case billed at its own peak; null otherwise
     * @param warnings               the choices a user should see (a contract far above a peak, a forbidden excess)
     */
    public record Bills(
            CaseBill withoutBattery,
            CaseBill withBattery,
            CaseBill withBatterySteadyState,
            Long savingAtOwnPeaksYen,
            List<String> warnings) {
        /** Bill without battery minus bill with it, yen; null without a battery. */
        public Long savingYen() {
            return withBattery == null ? null : withoutBattery.totalYen() - withBattery.totalYen();
        }

        /** The ratchet's steady-state saving; null unless ratcheted. */
        public Long steadyStateSavingYen() {
            return withBatterySteadyState == null
                    ? null
                    : withoutBattery.totalYen() - withBatterySteadyState.totalYen();
        }

        /** The saving of each line item (without minus with), summing exactly to {@link #savingYen}. */
        public Map<String, Long> savingByLine() {
            return withBattery == null ? Map.of() : difference(withoutBattery.bill(), withBattery.bill());
        }

        /**
         * The saving extended to a whole year: each month billed to a whole month (every line item
         * grows with the time covered, but the excess-demand charge, a penalty on the month's peak,
         * comes once a month whatever part of it was studied), and their mean times twelve. A whole
         * studied year gives its saving unchanged. Null without a battery.
         */
        public Double savingPerYearYen() {
            if (withBattery == null) {
                return null;
            }
            List<MonthlyBill> a = withoutBattery.bill().months();
            List<MonthlyBill> b = withBattery.bill().months();
            double sum = 0;
            for (int i = 0; i < a.size(); i++) {
                double excess = a.get(i).lineItemsYen().getOrDefault(EXCESS_DEMAND_CHARGE, 0L)
                        - b.get(i).lineItemsYen().getOrDefault(EXCESS_DEMAND_CHARGE, 0L);
                sum += (a.get(i).totalYen() - b.get(i).totalYen() - excess)
                                / a.get(i).coveredFraction()
                        + excess;
            }
            return 12 * sum / a.size();
        }

        /** With fixed contracts: the part of the saving the contracts make, beyond each case at its own peak. */
        public Long contractEffectYen() {
            return savingAtOwnPeaksYen == null || withBattery == null ? null : savingYen() - savingAtOwnPeaksYen;
        }
    }

    /** The line items of {@code a} minus those of {@code b}, over the items of both in bill order. */
    public static Map<String, Long> difference(Bill a, Bill b) {
        Map<String, Long> d = new LinkedHashMap<>();
        a.lineItemsYen().forEach((k, v) -> d.put(k, v));
        b.lineItemsYen().forEach((k, v) -> d.merge(k, -v, Long::sum));
        return d;
    }

    /** The bills of both cases of a study; {@code with} null for a site without battery. */
    public static Bills bills(SiteConfig site, SlotEnergy without, SlotEnergy with) {
        return bills(site, without, baseline(site, without), with);
    }

    /** As {@link #bills(SiteConfig, SlotEnergy, SlotEnergy)}, the case without battery already billed ({@link #baseline}). */
    static Bills bills(SiteConfig site, SlotEnergy without, CaseBill base, SlotEnergy with) {
        List<String> warnings = new ArrayList<>();
        if (with == null) {
            return new Bills(base, null, null, null, List.copyOf(warnings));
        }
        CaseBill battery = withBattery(site, with, Double.NaN, without);
        CaseBill steady = base.basis() == ContractBasis.RATCHET ? ratchet(site, with, with, false) : null;
        Long atOwnPeaks = null;
        ContractRule rule = site.grid().contract();
        if (!rule.auto()) {
            Tariff t = site.billing().tariff();
            long ownWithout = calculator(site, t.withAgreedKw(ContractRule.contractOf(base.peakDemand30minKw())))
                    .bill(without)
                    .totalYen();
            long ownWith = calculator(site, t.withAgreedKw(ContractRule.contractOf(battery.peakDemand30minKw())))
                    .bill(with)
                    .totalYen();
            atOwnPeaks = ownWithout - ownWith;
            contractWarnings(rule, "without battery", base, warnings);
            contractWarnings(rule, "with battery", battery, warnings);
        }
        return new Bills(base, battery, steady, atOwnPeaks, List.copyOf(warnings));
    }

    /** The case without battery: every command's baseline. */
    public static CaseBill baseline(SiteConfig site, SlotEnergy without) {
        return single(site, without, false);
    }

    /**
     * One series billed on its own as a case of the site (the {@code bill} command): by the
     * contract rule, a ratchet taking the months before from the series itself.
     */
    public static CaseBill single(SiteConfig site, SlotEnergy slots, boolean withBattery) {
        if (ratcheted(site, slots)) {
            return ratchet(site, slots, slots, true);
        }
        return agreed(site, withBattery, slots);
    }

    /**
     * The case with battery.
     *
     * @param plannedContractKw the contract its plan set (an LP's), billed as such; NaN: set it from
     *                          this series by the contract rule
     * @param without           the case without battery, whose months a ratchet inherits
     */
    public static CaseBill withBattery(SiteConfig site, SlotEnergy with, double plannedContractKw, SlotEnergy without) {
        if (ratcheted(site, without)) {
            return ratchet(site, with, without, true);
        }
        if (!Double.isNaN(plannedContractKw) && site.grid().contract().auto()) {
            Bill b = calculator(site, site.billing().tariff().withAgreedKw(plannedContractKw))
                    .bill(with);
            return new CaseBill(
                    b,
                    plannedContractKw,
                    peak(b),
                    site.grid().contract().exceedance() == ContractRule.Exceedance.FORBID
                            ? ContractBasis.OWN_PEAK
                            : ContractBasis.LEAST_COST);
        }
        return agreed(site, true, with);
    }

    /** The contract the rule gives a case with these monthly peaks (auto); the fixed one otherwise. */
    private static CaseBill agreed(SiteConfig site, boolean battery, SlotEnergy slots) {
        ContractRule rule = site.grid().contract();
        Tariff t = site.billing().tariff();
        if (!rule.auto()) {
            Bill b = calculator(site, t.withAgreedKw(rule.fixedKw(battery))).bill(slots);
            return new CaseBill(b, rule.fixedKw(battery), peak(b), ContractBasis.FIXED);
        }
        Bill probe = calculator(site, t.withAgreedKw(0)).bill(slots);
        double peak = peak(probe);
        if (rule.exceedance() == ContractRule.Exceedance.FORBID) {
            double kw = ContractRule.contractOf(peak);
            return new CaseBill(calculator(site, t.withAgreedKw(kw)).bill(slots), kw, peak, ContractBasis.OWN_PEAK);
        }
        // the bill is convex and piecewise linear in the contract, with its kinks at the monthly peaks
        Bill best = null;
        double bestKw = 0;
        for (MonthlyBill m : probe.months()) {
            double kw = ContractRule.contractOf(m.maxDemandKw());
            Bill b = calculator(site, t.withAgreedKw(kw)).bill(slots);
            if (best == null || b.totalYen() < best.totalYen() || (b.totalYen() == best.totalYen() && kw < bestKw)) {
                best = b;
                bestKw = kw;
            }
        }
        return new CaseBill(best, bestKw, peak, ContractBasis.LEAST_COST);
    }

    /** True when both cases are billed by the 12-month maximum demand. */
    private static boolean ratcheted(SiteConfig site, SlotEnergy without) {
        return site.billing().tariff().contract().ratchet()
                || ratcheted(
                        site,
                        peak(calculator(site, site.billing().tariff().withAgreedKw(0))
                                .bill(without)));
    }

    /**
     * True when both cases are billed by the 12-month maximum demand, the case without battery
     * peaking at {@code peakWithoutBatteryKw}: the tariff says so, or a site with loads under
     * {@code grid.contract: auto} peaks under {@value ContractRule#AGREED_FROM_KW} kW.
     */
    public static boolean ratcheted(SiteConfig site, double peakWithoutBatteryKw) {
        return site.billing().tariff().contract().ratchet()
                || site.grid().contract().auto()
                        && !site.loads().isEmpty()
                        && peakWithoutBatteryKw < ContractRule.AGREED_FROM_KW;
    }

    /**
     * {@code slots} by the 12-month ratchet, the 11 months before them taken from {@code history};
     * in a first year the tariff's {@code previousPeak} (the site's real history) counts too.
     */
    private static CaseBill ratchet(SiteConfig site, SlotEnergy slots, SlotEnergy history, boolean firstYear) {
        BillCalculator calc = calculator(site, site.billing().tariff().asRatchet());
        Map<YearMonth, Double> prior = priorPeaks(calc.bill(history));
        if (firstYear) {
            double known = site.billing().tariff().contract().previousPeakKw();
            prior.replaceAll((m, kw) -> Math.max(kw, known));
        }
        Bill b = calc.bill(slots, prior);
        double contract = 0;
        for (MonthlyBill m : b.months()) {
            contract = Math.max(contract, m.contractKw());
        }
        return new CaseBill(b, contract, peak(b), ContractBasis.RATCHET);
    }

    private static Map<YearMonth, Double> priorPeaks(Bill b) {
        Map<YearMonth, Double> peaks = new LinkedHashMap<>();
        for (MonthlyBill m : b.months()) {
            peaks.put(m.month(), m.maxDemandKw());
        }
        return priorPeaks(peaks);
    }

    /**
     * The 11 months before a series' first month, as the same series repeated: a calendar month the
     * series covers counts at its peak there, any other at the series' largest peak. The LP of a
     * ratcheted site takes its history from here too, so it plans against the contracts the bill
     * will charge.
     *
     * @param monthlyPeaks each month's largest 30-minute demand, the first month first
     */
    public static Map<YearMonth, Double> priorPeaks(Map<YearMonth, Double> monthlyPeaks) {
        Map<Integer, Double> byCalendarMonth = new LinkedHashMap<>();
        double all = 0;
        YearMonth first = null;
        for (Map.Entry<YearMonth, Double> e : monthlyPeaks.entrySet()) {
            byCalendarMonth.merge(e.getKey().getMonthValue(), e.getValue(), Math::max);
            all = Math.max(all, e.getValue());
            first = first == null ? e.getKey() : first;
        }
        Map<YearMonth, Double> prior = new LinkedHashMap<>();
        for (int back = 1; back <= 11; back++) {
            YearMonth m = first.minusMonths(back);
            prior.put(m, byCalendarMonth.getOrDefault(m.getMonthValue(), all));
        }
        return prior;
    }

    private static void contractWarnings(ContractRule rule, String which, CaseBill c, List<String> warnings) {
        double own = c.peakDemand30minKw();
        if (c.contractKw() > 1.05 * own) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the case %s is billed at the fixed contract %,.0f kW, %.1f %% above "
                            + "its own 30-minute peak of %,.0f kW (grid.contract: auto bills each case at its own peak)",
                    which,
                    c.contractKw(),
                    100 * (c.contractKw() / own - 1),
                    own));
        }
        if (rule.exceedance() == ContractRule.Exceedance.FORBID && own > c.contractKw() + 1e-6) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "grid.exceedance forbid: the case %s peaks at %,.0f kW, above its "
                            + "fixed contract of %,.0f kW; the excess is billed at the penalty. Raise the contract, add a "
                            + "demand limiter, or set exceedance: penalty",
                    which,
                    own,
                    c.contractKw()));
        }
    }

    static double peak(Bill b) {
        double p = 0;
        for (MonthlyBill m : b.months()) {
            p = Math.max(p, m.maxDemandKw());
        }
        return p;
    }

    private static BillCalculator calculator(SiteConfig site, Tariff t) {
        return new BillCalculator(t, site.zone(), SiteModels.prices(site));
    }
}

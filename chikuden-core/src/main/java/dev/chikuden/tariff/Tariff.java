package dev.chikuden.tariff;

import dev.chikuden.BadInputException;
import dev.chikuden.time.JapaneseHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Japanese electricity tariff, as configured (presets ship as YAML data): high and extra-high
 * voltage priced per kW of contract, low voltage per contract size ({@code contractCapacity}) and
 * by tiers of the month's kWh. Every rate is yen, per kW-month, per month or per kWh; whether they
 * include consumption tax is {@code taxIncluded}.
 *
 * @param powerFactor       0..1; the basic charge is scaled by (185 - power factor %) / 100
 * @param summerMonths      months (1-12) of the summer season
 * @param energyBands       first match wins; empty for a market-linked or tiered menu
 * @param marketLinked      energy price = JEPX area price of the slot + adder; null for fixed rates
 * @param fuelCostAdjustment yen/kWh by usage month; empty for none
 * @param marketPriceAdjustment null for none
 * @param renewableLevy     yen/kWh by fiscal year of the levy (FY N: May N to April N+1)
 * @param exportSale        null when exported energy is not sold
 * @param consumptionTax    rate added when {@code taxIncluded} is false, e.g. 0.10
 * @param restDays          days of the week billed as holidays in time-of-day bands
 * @param holidays          dates billed as holidays in time-of-day bands
 * @param nationalHolidays  Japan's national holidays ({@link JapaneseHolidays}) are billed as holidays
 * @param holidayDates      the utility's own holiday-treated days (休日扱い日) of every year, e.g. 12-31
 * @param energyTiers       the energy charge by the month's imported kWh (三段階料金); null for bands or market
 * @param contractCapacity  a low-voltage contract (kVA or A) and its basic charge a month; null for none
 * @param monthlyYen        fixed amounts a month by line-item name, e.g. accountTransferDiscount: -55
 */
public record Tariff(
        String name,
        boolean taxIncluded,
        double consumptionTax,
        double basicChargeYenPerKwMonth,
        ContractDemand contract,
        double powerFactor,
        Set<Integer> summerMonths,
        List<EnergyBand> energyBands,
        MarketLinked marketLinked,
        Map<YearMonth, Double> fuelCostAdjustment,
        MarketPriceAdjustment marketPriceAdjustment,
        Map<Integer, Double> renewableLevy,
        List<Subsidy> subsidies,
        ExportSale exportSale,
        Set<DayOfWeek> restDays,
        Set<LocalDate> holidays,
        boolean nationalHolidays,
        Set<MonthDay> holidayDates,
        EnergyTiers energyTiers,
        ContractCapacity contractCapacity,
        Map<String, Double> monthlyYen) {

    /** The same tariff with another agreed contract (kW), e.g. the lower one a battery allows. */
    public Tariff withAgreedKw(double agreedKw) {
        return withContract(new ContractDemand(
                contract.ratchet(),
                agreedKw,
                contract.excessMultiplier(),
                contract.previousPeakKw(),
                contract.excessRaisesContract()));
    }

    /** The same tariff with another way of setting the contract; every rate kept. */
    private Tariff withContract(ContractDemand c) {
        return new Tariff(
                name,
                taxIncluded,
                consumptionTax,
                basicChargeYenPerKwMonth,
                c,
                powerFactor,
                summerMonths,
                energyBands,
                marketLinked,
                fuelCostAdjustment,
                marketPriceAdjustment,
                renewableLevy,
                subsidies,
                exportSale,
                restDays,
                holidays,
                nationalHolidays,
                holidayDates,
                energyTiers,
                contractCapacity,
                monthlyYen);
    }

    /**
     * How the contract kW of a month is set.
     *
     * @param ratchet          true: the largest 30-minute demand of this month and the previous 11
     * @param agreedKw         the agreed contract (when not a ratchet)
     * @param excessMultiplier an agreed contract's penalty: this times the basic rate on the excess kW
     * @param previousPeakKw   ratchet: the largest demand of the 11 months before the billed series
     * @param excessRaisesContract an agreed contract's excess raises it to that demand for the following 12 months
     */
    public record ContractDemand(
            boolean ratchet,
            double agreedKw,
            double excessMultiplier,
            double previousPeakKw,
            boolean excessRaisesContract) {}

    /** The same tariff billed by the 12-month maximum demand (a contract under 500 kW). */
    public Tariff asRatchet() {
        return withContract(new ContractDemand(
                true, contract.agreedKw(), contract.excessMultiplier(), contract.previousPeakKw(), false));
    }

    /** Energy price = JEPX area price of the slot + {@code adderYenPerKwh}. */
    public record MarketLinked(double adderYenPerKwh) {}

    /**
     * (mean JEPX area price of months {@code lagFirst..lagLast} before the usage month - base) x
     * coefficient, rounded to 0.01 yen/kWh, applied from {@code from}. The monthly means come from
     * the site's price file or, without one, from {@code monthlyAverages}.
     */
    public record MarketPriceAdjustment(
            YearMonth from,
            double baseYenPerKwh,
            double coefficient,
            int lagFirst,
            int lagLast,
            Map<YearMonth, Double> monthlyAverages) {}

    /** A per-kWh item over usage months {@code from..to}, usually negative (a subsidy). */
    public record Subsidy(YearMonth from, YearMonth to, double yenPerKwh) {
        boolean covers(YearMonth m) {
            return !m.isBefore(from) && !m.isAfter(to);
        }
    }

    /**
     * Exported energy sold at the JEPX price of the slot + adder ({@code market}) or at a fixed price.
     *
     * @param fit           a feed-in tariff's price through the last month of its term; null for none
     * @param batteryExport whether the buyer takes energy the battery discharges (after any FIT term;
     *                      under FIT it never does, 押し上げ)
     */
    public record ExportSale(boolean market, double yenPerKwh, Fit fit, boolean batteryExport) {
        /** A sale without FIT, battery energy included. */
        public ExportSale(boolean market, double yenPerKwh) {
            this(market, yenPerKwh, null, true);
        }

        /** The first month after the FIT term; null without one. */
        public YearMonth fitEndsBefore() {
            return fit == null ? null : fit.lastMonth().plusMonths(1);
        }
    }

    /** A feed-in tariff: a fixed price for exported PV energy through {@code lastMonth}. */
    public record Fit(double yenPerKwh, YearMonth lastMonth) {}

    /**
     * The energy charge by the month's imported kWh: {@code minimumYen} covers the first
     * {@code minimumKwh} (最低料金; 0 and 0 for none), then each tier's price up to its {@code upToKwh},
     * the last tier unbounded. A month the series covers only in part has its minimum charge and every
     * tier width prorated by the covered fraction, as the basic charge is.
     */
    public record EnergyTiers(double minimumKwh, double minimumYen, List<Tier> tiers) {
        /** @param upToKwh the tier's upper end; infinite for the last */
        public record Tier(double upToKwh, double yenPerKwh) {}

        /** The charge of {@code kwh} imported in a month of which {@code covered} (0..1) is billed. */
        public double yen(double kwh, double covered) {
            double yen = minimumYen * covered;
            double from = minimumKwh;
            for (Tier t : tiers) {
                double top = Double.isInfinite(t.upToKwh()) ? kwh : Math.min(kwh, t.upToKwh() * covered);
                yen += Math.max(0, top - from * covered) * t.yenPerKwh();
                from = t.upToKwh();
            }
            return yen;
        }
    }

    /**
     * A low-voltage contract's size and its basic charge a month: a price per contract size
     * ({@code perContract}, ampere menus) or {@code firstYen} for the first {@code firstUnits} and
     * {@code yenPerUnitAbove} each unit above (kVA menus).
     *
     * @param unit "kVA" or "A"
     */
    public record ContractCapacity(
            double size,
            String unit,
            double firstUnits,
            double firstYen,
            double yenPerUnitAbove,
            Map<Double, Double> perContract) {
        public double yenPerMonth() {
            return perContract.isEmpty()
                    ? firstYen + Math.max(0, size - firstUnits) * yenPerUnitAbove
                    : perContract.get(size);
        }
    }

    /** A low-voltage menu: priced by contract size or tiers of the month's kWh, never by a kW demand. */
    public boolean lowVoltage() {
        return contractCapacity != null || energyTiers != null;
    }

    /** Whether the day is billed as a holiday in time-of-day bands. */
    public boolean holiday(LocalDate day) {
        return restDays.contains(day.getDayOfWeek())
                || holidays.contains(day)
                || holidayDates.contains(MonthDay.from(day))
                || (nationalHolidays && nationalHoliday(day));
    }

    private static boolean nationalHoliday(LocalDate day) {
        try {
            return JapaneseHolidays.isHoliday(day);
        } catch (BadInputException e) {
            throw new BadInputException("tariff nationalHolidays: " + e.getMessage()
                    + "; bill that period with nationalHolidays: false and its holidays listed in holidays");
        }
    }

    public boolean summer(int month) {
        return summerMonths.contains(month);
    }
}

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
 * A Japanese electricity tariff for high and extra-high voltage, as configured (presets ship as
 * YAML data). Every rate is yen, per kW-month or per kWh; whether they include consumption tax is
 * {@code taxIncluded}.
 *
 * @param powerFactor       0..1; the basic charge is scaled by (185 - power factor %) / 100
 * @param summerMonths      months (1-12) of the summer season
 * @param energyBands       first match wins; empty for a market-linked menu
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
        Set<MonthDay> holidayDates) {

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
                holidayDates);
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

    /** Exported energy sold at the JEPX price of the slot + adder ({@code market}) or at a fixed price. */
    public record ExportSale(boolean market, double yenPerKwh) {}

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

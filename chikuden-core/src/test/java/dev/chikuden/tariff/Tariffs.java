package dev.chikuden.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tariffs for hand-computed bills: Kansai high-voltage AS rates of April 2023 (DESIGN.md). */
final class Tariffs {
    static final double BASIC = 1911.80;
    static final Map<Integer, Double> LEVY = Map.of(2023, 1.40, 2024, 3.49, 2025, 3.98, 2026, 4.18);
    static final List<EnergyBand> SEASONAL = List.of(
            new EnergyBand("summer", EnergyBand.Season.SUMMER, EnergyBand.Days.ALL, 0, 24, 14.17),
            new EnergyBand("other", EnergyBand.Season.ALL, EnergyBand.Days.ALL, 0, 24, 13.10));

    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private Tariffs() {}

    /** Agreed contract, flat seasonal rates, tax included, nothing else. */
    static Tariff agreed(double contractKw, double powerFactor) {
        return new Tariff(
                "test",
                true,
                0.10,
                BASIC,
                new Tariff.ContractDemand(false, contractKw, 1.5, 0, false),
                powerFactor,
                Set.of(7, 8, 9),
                SEASONAL,
                null,
                Map.of(),
                null,
                LEVY,
                List.of(),
                null,
                WEEKEND,
                Set.of(),
                false,
                Set.of(),
                null,
                null,
                Map.of());
    }

    static Tariff withFuelAndMarketAdjustment(Tariff t, Map<YearMonth, Double> fuel, Map<YearMonth, Double> averages) {
        return new Tariff(
                t.name(),
                t.taxIncluded(),
                t.consumptionTax(),
                t.basicChargeYenPerKwMonth(),
                t.contract(),
                t.powerFactor(),
                t.summerMonths(),
                t.energyBands(),
                t.marketLinked(),
                fuel,
                new Tariff.MarketPriceAdjustment(YearMonth.of(2024, 4), 10.82, 0.292, 3, 5, averages),
                t.renewableLevy(),
                t.subsidies(),
                t.exportSale(),
                t.restDays(),
                t.holidays(),
                t.nationalHolidays(),
                t.holidayDates(),
                null,
                null,
                Map.of());
    }

    static Tariff withHolidayCalendar(Tariff t, boolean nationalHolidays, Set<MonthDay> holidayDates) {
        return new Tariff(
                t.name(),
                t.taxIncluded(),
                t.consumptionTax(),
                t.basicChargeYenPerKwMonth(),
                t.contract(),
                t.powerFactor(),
                t.summerMonths(),
                t.energyBands(),
                t.marketLinked(),
                t.fuelCostAdjustment(),
                t.marketPriceAdjustment(),
                t.renewableLevy(),
                t.subsidies(),
                t.exportSale(),
                t.restDays(),
                t.holidays(),
                nationalHolidays,
                holidayDates,
                null,
                null,
                Map.of());
    }

    static Tariff ratchet(double previousPeakKw) {
        Tariff t = agreed(0, 0.85);
        return new Tariff(
                t.name(),
                true,
                0.10,
                BASIC,
                new Tariff.ContractDemand(true, 0, 1.5, previousPeakKw, false),
                0.85,
                t.summerMonths(),
                t.energyBands(),
                null,
                Map.of(),
                null,
                LEVY,
                List.of(),
                null,
                WEEKEND,
                Set.of(),
                false,
                Set.of(),
                null,
                null,
                Map.of());
    }

    /** Peak (summer weekdays 13-16), day (weekdays 8-22), night; rates before tax. */
    static Tariff timeOfUse(Set<LocalDate> holidays) {
        List<EnergyBand> bands = List.of(
                new EnergyBand("peak", EnergyBand.Season.SUMMER, EnergyBand.Days.WEEKDAYS, 13, 16, 20.00),
                new EnergyBand("day", EnergyBand.Season.ALL, EnergyBand.Days.WEEKDAYS, 8, 22, 15.00),
                new EnergyBand("night", EnergyBand.Season.ALL, EnergyBand.Days.ALL, 0, 24, 10.00));
        return new Tariff(
                "tou",
                false,
                0.10,
                BASIC,
                new Tariff.ContractDemand(false, 500, 1.5, 0, false),
                0.85,
                Set.of(7, 8, 9),
                bands,
                null,
                Map.of(),
                null,
                LEVY,
                List.of(),
                null,
                WEEKEND,
                holidays,
                false,
                Set.of(),
                null,
                null,
                Map.of());
    }

    static Tariff marketLinked(double adder, Tariff.ExportSale export) {
        return new Tariff(
                "market",
                true,
                0.10,
                BASIC,
                new Tariff.ContractDemand(false, 1000, 1.5, 0, false),
                0.85,
                Set.of(7, 8, 9),
                List.of(),
                new Tariff.MarketLinked(adder),
                Map.of(),
                null,
                LEVY,
                List.of(),
                export,
                WEEKEND,
                Set.of(),
                false,
                Set.of(),
                null,
                null,
                Map.of());
    }

    /** Kansai 従量電灯A of April 2024 (kepco.jp): minimum charge, three tiers, the 55-yen discount. */
    static Tariff dentoA(Map<YearMonth, Double> fuel) {
        Tariff.EnergyTiers tiers = new Tariff.EnergyTiers(
                15,
                522.58,
                List.of(
                        new Tariff.EnergyTiers.Tier(120, 20.21),
                        new Tariff.EnergyTiers.Tier(300, 25.61),
                        new Tariff.EnergyTiers.Tier(Double.POSITIVE_INFINITY, 28.59)));
        return new Tariff(
                "dento-a",
                true,
                0.10,
                0,
                new Tariff.ContractDemand(false, 0, 1.5, 0, false),
                0.85,
                Set.of(7, 8, 9),
                List.of(),
                null,
                fuel,
                null,
                LEVY,
                List.of(),
                null,
                WEEKEND,
                Set.of(),
                false,
                Set.of(),
                tiers,
                null,
                Map.of("accountTransferDiscount", -55.0));
    }
}

package dev.chikuden.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chikuden.BadInputException;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.time.FixedStepSeries;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bills of small synthetic months against hand calculations, to the yen. */
class BillCalculatorTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final long HALF_HOUR = 1_800_000L;

    static long at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant().toEpochMilli();
    }

    static FixedStepSeries flat(String start, long stepMs, int steps, double kw) {
        double[] v = new double[steps];
        Arrays.fill(v, kw);
        return new FixedStepSeries(at(start), stepMs, v);
    }

    static Bill bill(Tariff t, FixedStepSeries gridKw, PriceSeries prices) {
        return new BillCalculator(t, TOKYO, prices).bill(BillingMeter.of(gridKw, TOKYO));
    }

    /** June 2025 at 400 kW, contract 500 kW, power factor 100 %, fuel and market-price adjustments. */
    @Test
    void aFullMonthWithEveryAdjustment() {
        Map<YearMonth, Double> averages =
                Map.of(YearMonth.of(2025, 1), 10.00, YearMonth.of(2025, 2), 11.00, YearMonth.of(2025, 3), 12.00);
        Tariff t = Tariffs.withFuelAndMarketAdjustment(
                Tariffs.agreed(500, 1.0), Map.of(YearMonth.of(2025, 6), -1.23), averages);
        Bill b = bill(t, flat("2025-06-01T00:00", HALF_HOUR, 30 * 48, 400), null);
        // 288,000 kWh; basic 500 x 1,911.80 x (185 - 100) / 100 = 812,515; energy x 13.10 (not summer);
        // fuel x -1.23; market price: mean of Jan-Mar 11.00 -> (11.00 - 10.82) x 0.292 = 0.05256 -> 0.05;
        // levy FY2025 x 3.98
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 812_515L),
                        entry("excessDemandChargeYen", 0L),
                        entry("energyChargeSummerYen", 0L),
                        entry("energyChargeOtherYen", 3_772_800L),
                        entry("fuelCostAdjustmentYen", -354_240L),
                        entry("marketPriceAdjustmentYen", 14_400L),
                        entry("renewableLevyYen", 1_146_240L));
        assertThat(b.totalYen()).isEqualTo(5_391_715L);
        assertThat(b.months()).singleElement().satisfies(m -> {
            assertThat(m.importKwh()).isEqualTo(288_000);
            assertThat(m.coveredFraction()).isEqualTo(1.0);
        });
        assertThat(b.warnings()).isEmpty();

        // the same adjustment from a price file: Jan 10, Feb 11, Mar 12 yen/kWh in every slot
        double[] p = new double[90 * 48];
        for (int i = 0; i < p.length; i++) {
            p[i] = i < 31 * 48 ? 10 : i < 59 * 48 ? 11 : 12;
        }
        Bill fromPrices = bill(
                Tariffs.withFuelAndMarketAdjustment(t, t.fuelCostAdjustment(), Map.of()),
                flat("2025-06-01T00:00", HALF_HOUR, 30 * 48, 400),
                new PriceSeries("kansai", at("2025-01-01T00:00"), p));
        assertThat(fromPrices.lineItemsYen()).isEqualTo(b.lineItemsYen());
    }

    /** July 2025 (summer) with one slot at 600 kW over a 500 kW contract, power factor 80 %. */
    @Test
    void excessDemandAndALowPowerFactor() {
        double[] v = new double[31 * 48];
        Arrays.fill(v, 400);
        v[100] = 600;
        Bill b = bill(Tariffs.agreed(500, 0.80), new FixedStepSeries(at("2025-07-01T00:00"), HALF_HOUR, v), null);
        // (185 - 80) / 100 = 1.05: basic 500 x 1,911.80 x 1.05; excess 100 kW x 1,911.80 x 1.5 x 1.05
        // = 301,108.5; energy 297,600 + 100 kWh = 297,700 kWh x 14.17 = 4,218,409; levy x 3.98 = 1,184,846
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 1_003_695L),
                        entry("excessDemandChargeYen", 301_108L),
                        entry("energyChargeSummerYen", 4_218_409L),
                        entry("energyChargeOtherYen", 0L),
                        entry("renewableLevyYen", 1_184_846L));
        assertThat(b.totalYen()).isEqualTo(6_708_058L);
        assertThat(b.months().get(0).maxDemandKw()).isEqualTo(600);
    }

    /** April-June 2025: the contract is the largest demand of this month and the previous 11. */
    @Test
    void theTwelveMonthRatchet() {
        double[] v = new double[(30 + 31 + 30) * 48];
        Arrays.fill(v, 0, 30 * 48, 200);
        Arrays.fill(v, 30 * 48, 61 * 48, 250);
        Arrays.fill(v, 61 * 48, v.length, 200);
        v[10] = 300; // April's peak
        v[30 * 48 + 10] = 320; // May's peak
        Bill b = bill(Tariffs.ratchet(280), new FixedStepSeries(at("2025-04-01T00:00"), HALF_HOUR, v), null);
        assertThat(b.months()).extracting(MonthlyBill::contractKw).containsExactly(300.0, 320.0, 320.0);
        // power factor 85 %: basic = contract x 1,911.80; levy: April is FY2024 (3.49), May and June FY2025
        assertThat(b.months())
                .extracting(m -> m.lineItemsYen().get("basicChargeYen"))
                .containsExactly(573_540L, 611_776L, 611_776L);
        assertThat(b.months())
                .extracting(m -> m.lineItemsYen().get("renewableLevyYen"))
                .containsExactly(502_734L, 740_419L, 573_120L);
        assertThat(b.months().get(0).lineItemsYen()).doesNotContainKey("excessDemandChargeYen");

        Bill history = bill(Tariffs.ratchet(350), new FixedStepSeries(at("2025-04-01T00:00"), HALF_HOUR, v), null);
        assertThat(history.months()).extracting(MonthlyBill::contractKw).containsExactly(350.0, 350.0, 350.0);
    }

    /** Sun 10, Mon 11 (a listed holiday) and Tue 12 August 2025 at 100 kW; rates before 10 % tax. */
    @Test
    void aTimeOfUseMenuWithHolidaysAndTax() {
        Bill b = bill(
                Tariffs.timeOfUse(Set.of(LocalDate.of(2025, 8, 11))),
                flat("2025-08-10T00:00", 3_600_000L, 72, 100),
                null);
        // Tuesday: peak 13-16 300 kWh x 20, day 8-13 and 16-22 1,100 kWh x 15, night 1,000 kWh;
        // Sunday and the holiday 4,800 kWh of night: 5,800 x 10. Basic at power factor 85 % (x 1.00),
        // prorated 3/31 days: 500 x 1,911.80 x 3 / 31 = 92,506.45. Levy 7,200 x 3.98. Tax 10 % of 201,662.
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 92_506L),
                        entry("excessDemandChargeYen", 0L),
                        entry("energyChargePeakYen", 6_000L),
                        entry("energyChargeDayYen", 16_500L),
                        entry("energyChargeNightYen", 58_000L),
                        entry("renewableLevyYen", 28_656L),
                        entry("consumptionTaxYen", 20_166L));
        assertThat(b.totalYen()).isEqualTo(221_828L);
    }

    /**
     * May 2025 at 100 kW, weekends as rest days, national holidays and the utility's 04-30, 05-01 and
     * 05-02: Thu 1 and Fri 2 (utility days), Mon 5 (こどもの日) and Tue 6 (振替休日) bill as holidays.
     */
    @Test
    void nationalHolidaysAndUtilityDaysBillInTheHolidayBand() {
        Tariff plain = Tariffs.timeOfUse(Set.of());
        Tariff calendar = Tariffs.withHolidayCalendar(
                plain, true, Set.of(MonthDay.of(4, 30), MonthDay.of(5, 1), MonthDay.of(5, 2)));
        FixedStepSeries may = flat("2025-05-01T00:00", 3_600_000L, 31 * 24, 100);
        // 22 weekdays; 4 of them holidays leave 18 working days of 14 day-band hours: 18 x 1,400 kWh
        // x 15 = 378,000; night (10 h of working days, all of the other 13): 74,400 - 25,200 kWh x 10.
        // Basic 500 x 1,911.80 = 955,900 (full month, power factor 85 %); levy 74,400 x 3.98 (FY2025).
        // Tax 10 % of 955,900 + 378,000 + 492,000 + 296,112 = 2,122,012.
        Bill b = bill(calendar, may, null);
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 955_900L),
                        entry("excessDemandChargeYen", 0L),
                        entry("energyChargePeakYen", 0L),
                        entry("energyChargeDayYen", 378_000L),
                        entry("energyChargeNightYen", 492_000L),
                        entry("renewableLevyYen", 296_112L),
                        entry("consumptionTaxYen", 212_201L));
        assertThat(b.totalYen()).isEqualTo(2_334_213L);
        // without the calendar all 22 weekdays bill 1,400 kWh at the day rate
        assertThat(bill(plain, may, null).lineItemsYen()).containsEntry("energyChargeDayYen", 462_000L);
    }

    @Test
    void nationalHolidaysOutsideTheCalendarAreBadInput() {
        Tariff calendar = Tariffs.withHolidayCalendar(Tariffs.timeOfUse(Set.of()), true, Set.of());
        assertThatThrownBy(() -> bill(calendar, flat("2100-01-04T00:00", 3_600_000L, 24, 100), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("tariff nationalHolidays: national holidays are computed for 1955-2099")
                .hasMessageContaining("2100-01-04 is outside");
    }

    /** Four slots of 4 August 2025 at 10-minute steps, priced at JEPX + 2.50, export sold at JEPX. */
    @Test
    void aMarketLinkedMenuWithExportSale() {
        double[] kw = {600, 1200, 900, 1000, 1000, 1000, 0, -600, 0, 300, 300, 300};
        PriceSeries prices = new PriceSeries("kansai", at("2025-08-04T00:00"), new double[] {10, 20, 30, 0.01});
        Bill b = bill(
                Tariffs.marketLinked(2.50, new Tariff.ExportSale(true, 0)),
                new FixedStepSeries(at("2025-08-04T00:00"), 600_000L, kw),
                prices);
        // import 450, 500, 0, 150 kWh: 450 x 12.50 + 500 x 22.50 + 150 x 2.51 = 17,251.5; export 100 kWh x 30;
        // basic 1,000 x 1,911.80 x 1.00 (85 %) x 2 h / 744 h = 5,139.25; levy 1,100 x 3.98 = 4,378
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 5_139L),
                        entry("excessDemandChargeYen", 0L),
                        entry("energyChargeMarketYen", 17_251L),
                        entry("renewableLevyYen", 4_378L),
                        entry("exportSaleYen", -3_000L));
        assertThat(b.totalYen()).isEqualTo(23_768L);
        assertThat(b.months().get(0).maxDemandKw()).isEqualTo(1000);
        assertThat(b.months().get(0).exportKwh()).isEqualTo(100);
    }

    @Test
    void aMarketLinkedSlotWithoutPriceIsBadInput() {
        PriceSeries prices = new PriceSeries("kansai", at("2025-08-04T00:00"), new double[] {10});
        assertThatThrownBy(() ->
                        bill(Tariffs.marketLinked(2.50, null), flat("2025-08-04T00:00", HALF_HOUR, 2, 100), prices))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no JEPX price for the slot at 2025-08-04T00:30+09:00");
    }

    @Test
    void whatTheTariffLacksIsCountedAsZeroWithAWarning() {
        Tariff t = Tariffs.withFuelAndMarketAdjustment(
                Tariffs.agreed(500, 1.0), Map.of(YearMonth.of(2025, 5), 1.0), Map.of());
        Bill b = bill(t, flat("2025-06-01T00:00", HALF_HOUR, 4, 400), null);
        assertThat(b.lineItemsYen())
                .containsEntry("fuelCostAdjustmentYen", 0L)
                .containsEntry("marketPriceAdjustmentYen", 0L);
        assertThat(b.warnings())
                .containsExactly(
                        "fuel-cost adjustment for 2025-06 is not in the tariff's table; counted as 0",
                        "market-price adjustment for 2025-06 needs the JEPX means of 2025-01 to 2025-03; the tariff's "
                                + "monthlyAverages lacks 2025-01, 2025-02, 2025-03; counted as 0");
    }

    /** Every month the adjustment misses is named, not only the first one looked up. */
    @Test
    void theMarketPriceWarningNamesEveryMissingMonth() {
        Tariff t = Tariffs.withFuelAndMarketAdjustment(
                Tariffs.agreed(500, 1.0), Map.of(YearMonth.of(2025, 6), 1.0), Map.of(YearMonth.of(2025, 3), 12.0));
        assertThat(bill(t, flat("2025-06-01T00:00", HALF_HOUR, 4, 400), null).warnings())
                .containsExactly(
                        "market-price adjustment for 2025-06 needs the JEPX means of 2025-01 to 2025-03; the tariff's "
                                + "monthlyAverages lacks 2025-01, 2025-02; counted as 0");
        PriceSeries march = new PriceSeries("kansai", at("2025-03-01T00:00"), new double[] {12, 12});
        assertThat(bill(
                                Tariffs.withFuelAndMarketAdjustment(t, t.fuelCostAdjustment(), Map.of()),
                                flat("2025-06-01T00:00", HALF_HOUR, 4, 400),
                                march)
                        .warnings())
                .containsExactly(
                        "market-price adjustment for 2025-06 needs the JEPX means of 2025-01 to 2025-03; the price file does "
                                + "not cover 2025-01, 2025-02; counted as 0");
    }

    @Test
    void aTariffWithoutAFuelCostTableSaysTheLineIsLeftOut() {
        Bill b = bill(Tariffs.agreed(500, 1.0), flat("2025-06-01T00:00", HALF_HOUR, 4, 400), null);
        assertThat(b.lineItemsYen()).doesNotContainKey("fuelCostAdjustmentYen");
        assertThat(b.warnings())
                .containsExactly("no fuelCostAdjustment table: the fuel-cost adjustment line is left " + "out, 0 yen");
        // a market-linked menu has no fuel-cost adjustment: its energy is priced at the market
        PriceSeries prices = new PriceSeries("kansai", at("2025-08-04T00:00"), new double[] {10, 20});
        assertThat(bill(Tariffs.marketLinked(2.50, null), flat("2025-08-04T00:00", HALF_HOUR, 2, 100), prices)
                        .warnings())
                .isEmpty();
    }

    /**
     * Where the tariff says so, a month's excess over the agreed 500 kW becomes the contract of the
     * following 12 months (and pays its penalty once, in its own month), then lapses.
     */
    @Test
    void anExcessRaisesTheContractForTwelveMonths() {
        Tariff plain = Tariffs.agreed(500, 1.0);
        Tariff t = new Tariff(
                plain.name(),
                plain.taxIncluded(),
                plain.consumptionTax(),
                plain.basicChargeYenPerKwMonth(),
                new Tariff.ContractDemand(false, 500, 1.5, 0, true),
                plain.powerFactor(),
                plain.summerMonths(),
                plain.energyBands(),
                plain.marketLinked(),
                plain.fuelCostAdjustment(),
                plain.marketPriceAdjustment(),
                plain.renewableLevy(),
                plain.subsidies(),
                plain.exportSale(),
                plain.restDays(),
                plain.holidays(),
                plain.nationalHolidays(),
                plain.holidayDates(),
                null,
                null,
                Map.of());
        long start = at("2025-06-01T00:00");
        int slots = (int) ((at("2026-08-01T00:00") - start) / HALF_HOUR);
        double[] kw = new double[slots];
        Arrays.fill(kw, 400);
        kw[100] = 600; // one June slot 100 kW over
        Bill b = new BillCalculator(t, TOKYO, null)
                .bill(BillingMeter.of(new FixedStepSeries(start, HALF_HOUR, kw), TOKYO));
        assertThat(b.months()).hasSize(14);
        assertThat(b.months().get(0).contractKw()).isEqualTo(500);
        assertThat(b.months().get(0).lineItemsYen().get("excessDemandChargeYen"))
                .isEqualTo((long) (100 * 1911.80 * 1.5 * 0.85));
        for (int m = 1; m <= 12; m++) {
            assertThat(b.months().get(m).contractKw())
                    .as(b.months().get(m).month().toString())
                    .isEqualTo(600);
            assertThat(b.months().get(m).lineItemsYen().get("excessDemandChargeYen"))
                    .isZero();
        }
        assertThat(b.months().get(13).month()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(b.months().get(13).contractKw()).as("lapsed after 12 months").isEqualTo(500);
        // the same series without the rule keeps 500 kW
        assertThat(new BillCalculator(plain, TOKYO, null)
                        .bill(BillingMeter.of(new FixedStepSeries(start, HALF_HOUR, kw), TOKYO))
                        .months()
                        .get(5)
                        .contractKw())
                .isEqualTo(500);
    }
}

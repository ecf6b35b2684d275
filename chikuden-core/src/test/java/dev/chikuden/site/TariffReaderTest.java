package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.tariff.Bill;
import dev.chikuden.tariff.BillCalculator;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.EnergyBand;
import dev.chikuden.tariff.Tariff;
import dev.chikuden.time.FixedStepSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TariffReaderTest {
    @TempDir
    Path dir;

    SiteConfig read(String tariffSection) throws IOException {
        return SiteConfigReader.read(write("site.yaml", SiteConfigReaderTest.VALID + tariffSection));
    }

    @Test
    void aPresetWithOverrides() throws IOException {
        Tariff t = read("""
                tariff:
                  preset: kansai-high-voltage-as
                  powerFactor: 100 %
                  fuelCostAdjustment: {2025-06: -1.23}
                  marketPriceAdjustment:
                    monthlyAveragesYenPerKwh: {2025-01: 10.00, 2025-02: 11.00, 2025-03: 12.00}
                """).billing().tariff();
        assertThat(t.basicChargeYenPerKwMonth()).isEqualTo(1911.80);
        assertThat(t.contract()).isEqualTo(new Tariff.ContractDemand(false, 1000, 1.5, 0, false));
        assertThat(t.powerFactor()).isEqualTo(1.0);
        assertThat(t.taxIncluded()).isTrue();
        assertThat(t.summerMonths()).containsExactlyInAnyOrder(7, 8, 9);
        assertThat(t.restDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(t.energyBands())
                .containsExactly(
                        new EnergyBand("summer", EnergyBand.Season.SUMMER, EnergyBand.Days.ALL, 0, 24, 14.17),
                        new EnergyBand("other", EnergyBand.Season.ALL, EnergyBand.Days.ALL, 0, 24, 13.10));
        assertThat(t.renewableLevy()).isEqualTo(Map.of(2023, 1.40, 2024, 3.49, 2025, 3.98, 2026, 4.18));
        assertThat(t.fuelCostAdjustment()).isEqualTo(Map.of(YearMonth.of(2025, 6), -1.23));
        // the override keeps the preset's base and coefficient
        assertThat(t.marketPriceAdjustment())
                .isEqualTo(new Tariff.MarketPriceAdjustment(
                        YearMonth.of(2024, 4),
                        10.82,
                        0.292,
                        3,
                        5,
                        Map.of(
                                YearMonth.of(2025, 1),
                                10.00,
                                YearMonth.of(2025, 2),
                                11.00,
                                YearMonth.of(2025, 3),
                                12.00)));
    }

    /** The preset as read bills June 2025 as computed by hand in BillCalculatorTest (contract 500 kW). */
    @Test
    void thePresetBillsAsComputedByHand() throws IOException {
        Tariff t = read("""
                tariff:
                  preset: kansai-high-voltage-as
                  powerFactor: 100 %
                  fuelCostAdjustment: {2025-06: -1.23}
                  marketPriceAdjustment:
                    monthlyAveragesYenPerKwh: {2025-01: 10.00, 2025-02: 11.00, 2025-03: 12.00}
                """).billing().tariff();
        Tariff at500 = new Tariff(
                t.name(),
                t.taxIncluded(),
                t.consumptionTax(),
                t.basicChargeYenPerKwMonth(),
                new Tariff.ContractDemand(false, 500, 1.5, 0, false),
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
                t.nationalHolidays(),
                t.holidayDates());
        double[] kw = new double[30 * 48];
        Arrays.fill(kw, 400);
        var zone = java.time.ZoneId.of("Asia/Tokyo");
        FixedStepSeries june = new FixedStepSeries(
                OffsetDateTime.parse("2025-06-01T00:00+09:00").toInstant().toEpochMilli(), 1_800_000L, kw);
        Bill b = new BillCalculator(at500, zone, null).bill(BillingMeter.of(june, zone));
        assertThat(b.totalYen()).isEqualTo(5_391_715L);
    }

    @Test
    void everyPresetReadsWithoutProblems() throws IOException {
        for (String preset : TariffReader.PRESETS) {
            if (preset.equals(GRID_BATTERY)) {
                continue; // market-linked: read with prices below
            }
            Tariff t = read("tariff: {preset: " + preset + "}\n").billing().tariff();
            assertThat(t.basicChargeYenPerKwMonth()).as(preset).isEqualTo(1911.80);
            assertThat(t.renewableLevy()).as(preset).containsEntry(2025, 3.98);
        }
        Tariff tou =
                read("tariff: {preset: kansai-high-voltage-as-tou}\n").billing().tariff();
        assertThat(tou.energyBands())
                .extracting(EnergyBand::name, EnergyBand::yenPerKwh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("heavyLoad", 19.65),
                        org.assertj.core.groups.Tuple.tuple("day", 14.34),
                        org.assertj.core.groups.Tuple.tuple("night", 10.03));
        assertThat(tou.restDays()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(tou.nationalHolidays()).isTrue();
        assertThat(tou.holidayDates()).isEmpty();
        assertThat(tou.holiday(java.time.LocalDate.of(2025, 7, 21))).as("海の日").isTrue();
        assertThat(tou.holiday(java.time.LocalDate.of(2025, 7, 19)))
                .as("a Saturday")
                .isFalse();
    }

    @Test
    void aTariffFileWithRatchetMarketLinkedMenuAndPrices() throws IOException {
        write("my-tariff.yaml", """
                name: my retail menu
                taxIncluded: false
                basicChargeYenPerKwMonth: 1500
                contract: ratchet
                previousPeak: 700 kW
                marketLinked: {adderYenPerKwh: 2.5}
                renewableLevy: {FY2025: 3.98}
                subsidies: [{from: 2025-01, to: 2025-03, yenPerKwh: -2.0}]
                export: {market: true, adderYenPerKwh: -1}
                holidays: [2025-01-13]
                holidayDates: [01-02, 01-03, 12-31]
                """);
        write("prices.csv", "x\n");
        SiteConfig site = read("""
                tariff: {file: my-tariff.yaml, powerFactor: 90 %, marketPriceAdjustment: off}
                prices: {file: prices.csv, area: kansai}
                """);
        Tariff t = site.billing().tariff();
        assertThat(t.name()).isEqualTo("my retail menu");
        assertThat(t.contract()).isEqualTo(new Tariff.ContractDemand(true, 1000, 1.5, 700, false));
        assertThat(t.marketLinked()).isEqualTo(new Tariff.MarketLinked(2.5));
        assertThat(t.energyBands()).isEmpty();
        assertThat(t.exportSale()).isEqualTo(new Tariff.ExportSale(true, -1));
        assertThat(t.subsidies())
                .containsExactly(new Tariff.Subsidy(YearMonth.of(2025, 1), YearMonth.of(2025, 3), -2.0));
        assertThat(t.holidays()).containsExactly(java.time.LocalDate.of(2025, 1, 13));
        assertThat(t.holidayDates())
                .containsExactlyInAnyOrder(MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(12, 31));
        assertThat(t.nationalHolidays()).as("off unless the tariff says so").isFalse();
        assertThat(t.marketPriceAdjustment()).isNull();
        assertThat(t.powerFactor()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(site.billing().prices())
                .isEqualTo(new BillingSpec.Prices(dir.resolve("prices.csv"), "kansai", null));
    }

    @Test
    void intradayPricesAreAFileBesideTheSiteForAJepxLinkedTariff() throws IOException {
        write("prices.csv", "x\n");
        write("im_trade_summary_2025.csv", "x\n");
        SiteConfig site = read("""
                tariff: {preset: grid-battery-jepx}
                prices: {file: prices.csv, area: kansai, intraday: {file: im_trade_summary_2025.csv}}
                """);
        assertThat(site.billing().prices())
                .isEqualTo(new BillingSpec.Prices(
                        dir.resolve("prices.csv"), "kansai", dir.resolve("im_trade_summary_2025.csv")));
        assertThatThrownBy(() -> read("""
                tariff: {preset: grid-battery-jepx}
                prices: {file: prices.csv, area: kansai, intraday: {file: im.csv}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":21:59: prices.intraday.file: \"im.csv\" does not exist");
        // a menu of fixed bands buys no energy at day-ahead prices: no position to deviate from
        assertThatThrownBy(() -> read("""
                tariff: {preset: kansai-high-voltage-as}
                prices: {file: prices.csv, area: kansai, intraday: {file: im_trade_summary_2025.csv}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("prices.intraday: deviations from a day-ahead position settle at JEPX prices: "
                        + "intraday prices need a tariff whose energy is JEPX-linked");
    }

    @Test
    void everyProblemIsNamedWithLineFieldValueAndWhatIsAllowed() throws IOException {
        Path f = write("site.yaml", SiteConfigReaderTest.VALID + """
                tariff:
                  preset: kansai-high-voltage-as
                  contract: ratchett
                  energy:
                    - {band: Peak, season: summer, hours: [13, 16], yenPerKwh: 20}
                    - {band: day, days: weekdays, hours: [8, 25], yenPerKwh: 15}
                  fuelCostAdjustment: {2025-13: 1.0}
                  renewableLevy: {2025: 3.98}
                prices: {file: missing.csv, area: osaka}
                """);
        assertThatThrownBy(() -> SiteConfigReader.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f + ":22:13: tariff.contract: \"ratchett\" is not one of agreed, ratchet")
                .hasMessageContaining(f + ":24:14: tariff.energy[0].band: \"Peak\" is not a lowerCamelCase name")
                .hasMessageContaining(f + ":25:46: tariff.energy[1].hours[1]: \"25\" is not a number in [0, 24]")
                .hasMessageContaining(
                        f + ":26:24: tariff.fuelCostAdjustment.2025-13: \"2025-13\" is not a month such as 2025-08")
                .hasMessageContaining(
                        f + ":27:19: tariff.renewableLevy.2025: \"2025\" is not a fiscal year such as FY2025")
                .hasMessageContaining(f + ":28:16: prices.file: \"missing.csv\" does not exist")
                .hasMessageContaining(
                        f + ":28:35: prices.area: \"osaka\" is not a JEPX area; allowed: hokkaido, tohoku, tokyo");
    }

    @Test
    void holidayDatesMustBeDaysOfTheYear() throws IOException {
        assertThatThrownBy(() -> read("""
                tariff:
                  preset: kansai-high-voltage-as-tou
                  holidayDates: [01-02, 13-01]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":22:25: tariff.holidayDates[1]: \"13-01\" is not a month and day such as 12-31");
        // the pattern lets a 30 February through; the reader does not
        assertThatThrownBy(() -> read("""
                tariff:
                  preset: kansai-high-voltage-as-tou
                  holidayDates: [01-02, 02-30]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":22:25: tariff.holidayDates[1]: \"02-30\" is not a day of the year: expected "
                        + "MM-DD such as 12-31");
    }

    @Test
    void bandsMustCoverEveryHourAndMarketMenusNeedPrices() throws IOException {
        assertThatThrownBy(() -> read("""
                tariff:
                  preset: kansai-high-voltage-as
                  energy: [{band: day, days: weekdays, hours: [8, 22], yenPerKwh: 15}]
                """))
                .hasMessageContaining("tariff.energy: no band applies to summer weekdays at 0:00; end with a band "
                        + "for all seasons, days and hours");
        assertThatThrownBy(() -> read("tariff: {preset: nope}\n"))
                .hasMessageContaining(
                        "tariff.preset: \"nope\" is not a tariff preset; allowed: kansai-high-voltage-as, "
                                + "kansai-high-voltage-as-tou, extra-high-voltage-template");
        assertThatThrownBy(() -> read("""
                tariff: {basicChargeYenPerKwMonth: 1000, marketLinked: {adderYenPerKwh: 1}, renewableLevy: {FY2025: 3.98}}
                """))
                .hasMessageContaining(
                        "tariff: a market-linked menu or an export sale at market price needs JEPX prices");
        assertThatThrownBy(() -> read("tariff: {preset: kansai-high-voltage-as, powerFactor: 110 %}\n"))
                .hasMessageContaining("tariff.powerFactor: \"110 %\" is outside (0, 1]");
    }

    private static final String GRID_BATTERY = "grid-battery-jepx";

    /**
     * The grid-battery preset: charging at the JEPX price + 2.06 yen/kWh wheeling + the levy,
     * discharging at the JEPX price, no kW charge and no tax added. Two half-hours of 2025-05-12
     * (levy year FY2025) worked by hand: 500 kWh bought at 5 yen, 500 kWh sold at 20.
     */
    @Test
    void theGridBatteryPresetBillsAsComputedByHand() throws IOException {
        write("prices.csv", "x\n"); // only its existence is checked when the site is read
        Tariff t = read("tariff: {preset: " + GRID_BATTERY + "}\nprices: {file: prices.csv, area: kansai}\n")
                .billing()
                .tariff();
        assertThat(t.basicChargeYenPerKwMonth()).isZero();
        assertThat(t.marketLinked().adderYenPerKwh()).isEqualTo(2.06);
        assertThat(t.exportSale()).isEqualTo(new Tariff.ExportSale(true, 0));
        assertThat(t.renewableLevy()).containsEntry(2024, 3.49).containsEntry(2025, 3.98);
        var zone = java.time.ZoneId.of("Asia/Tokyo");
        long start = OffsetDateTime.parse("2025-05-12T10:00+09:00").toInstant().toEpochMilli();
        PriceSeries prices = new PriceSeries("kansai", start, new double[] {5, 20});
        Bill b = new BillCalculator(t, zone, prices)
                .bill(BillingMeter.of(new FixedStepSeries(start, 1_800_000L, new double[] {1000, -1000}), zone));
        assertThat(b.lineItemsYen())
                .containsEntry("basicChargeYen", 0L)
                .containsEntry("energyChargeMarketYen", 3_530L) // 500 x (5 + 2.06)
                .containsEntry("renewableLevyYen", 1_990L) // 500 x 3.98
                .containsEntry("consumptionTaxYen", 0L)
                .containsEntry("exportSaleYen", -10_000L); // 500 x 20
        assertThat(b.totalYen()).isEqualTo(3_530 + 1_990 - 10_000);
    }

    @Test
    void withoutATariffTheSiteHasNoBill() throws IOException {
        assertThat(read("").billing()).isNull();
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}

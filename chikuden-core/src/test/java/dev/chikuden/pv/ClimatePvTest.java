package dev.chikuden.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import dev.chikuden.weather.Climate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The typical-year PV of a built-in climate: each month holds its normal, and a year its yield. */
class ClimatePvTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** JMA's Osaka station (大阪管区気象台, Chuo-ku), near enough for the sun's path. */
    private static final double OSAKA_LAT = 34.68;

    private static final double OSAKA_LON = 135.52;
    private static final double WH_PER_MJ = 1e6 / 3600;

    private final Climate osaka = Climate.named("osaka");

    /** Grouped by each hour's local month here, apart from the code's own month walk. */
    @Test
    void everyLocalMonthOfALeapYearHoldsItsNormal() {
        assertMonthsHoldTheirNormals(grid(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, TOKYO), 366), TOKYO, 12);
    }

    /** A study from mid-March to mid-November across both clock changes: the whole months around it. */
    @Test
    void aStudyInAZoneWithSummerTimeGetsWholeMonthsEachHoldingItsNormal() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TimeGrid grid = grid(ZonedDateTime.of(2025, 3, 15, 6, 0, 0, 0, berlin), 240);
        ClimatePv.Hours h = assertMonthsHoldTheirNormals(grid, berlin, 9);
        assertThat(h.epochMs()[0]).isLessThanOrEqualTo(grid.startEpochMs());
        assertThat(h.epochMs()[h.epochMs().length - 1] + WeatherPv.HOUR_MS).isGreaterThanOrEqualTo(grid.endEpochMs());
    }

    /**
     * Every day of a month is the clear-sky day at one fraction: a day's irradiation is within 2 % of
     * the month's normal (the clear sky itself changes that little within a month), and nights are dark.
     */
    @Test
    void everyDayOfAMonthIsAlikeAndNightsAreDark() {
        ClimatePv.Hours h =
                ClimatePv.hours(grid(ZonedDateTime.of(2025, 6, 1, 0, 0, 0, 0, TOKYO), 30), osaka, OSAKA_LAT, OSAKA_LON);
        double normalWh = osaka.dailyGlobalMj(Month.JUNE) * WH_PER_MJ;
        for (int day = 0; day < 30; day++) {
            double wh = 0;
            for (int hour = 0; hour < 24; hour++) {
                int i = day * 24 + hour;
                wh += h.ghi()[i];
                if (hour < 4 || hour >= 20) { // JST, at 135.5° E in June: the sun is down
                    assertThat(h.ghi()[i]).isZero();
                }
            }
            assertThat(wh / normalWh).isCloseTo(1, within(0.02));
        }
    }

    /**
     * A south-facing 30° array at Osaka makes 1,100 to 1,250 kWh per kWp a year. The range brackets
     * the published figures for Osaka rooftops: 4,441 kWh a year for a 3.80 kW system in Osaka
     * (1,169 kWh/kWp; http://daiwasg.co.jp/taiyoukou/index.html), against JPEA's nationwide rule of
     * thumb of about 1,000 kWh/kWp (https://evdays.tepco.co.jp/entry/2022/06/30/kurashi22) for
     * Japan's cloudier regions. The same array under the cloudless clear-sky model makes far more.
     */
    @Test
    void aSouthFacingArrayAtOsakaYieldsWhatOsakaRooftopsMake() {
        TimeGrid grid = grid(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, TOKYO), 365);
        PvSystem south30 = PvSystem.of(4.5, 4.0, 30, 180, OSAKA_LAT, OSAKA_LON);
        double kwhPerKwp = energyKwh(ClimatePv.of(grid, osaka, south30), grid) / 4.5;
        assertThat(kwhPerKwp).isBetween(1100.0, 1250.0);
        double clearSkyKwhPerKwp = energyKwh(new ClearSkyPv(grid, 1, OSAKA_LAT, OSAKA_LON), grid);
        assertThat(clearSkyKwhPerKwp).isGreaterThan(1.5 * kwhPerKwp);
    }

    @Test
    void haurwitzIsZeroBelowTheHorizonAndNearItsPublishedValueOverhead() {
        assertThat(ClimatePv.haurwitz(0)).isZero();
        assertThat(ClimatePv.haurwitz(-0.3)).isZero();
        assertThat(ClimatePv.haurwitz(1)).isCloseTo(1098 * Math.exp(-0.059), within(1e-9)); // 1035.1 W/m²
    }

    /** Sums the synthetic GHI by local month and holds each to the normal times the month's days. */
    private ClimatePv.Hours assertMonthsHoldTheirNormals(TimeGrid grid, ZoneId zone, int months) {
        ClimatePv.Hours h = ClimatePv.hours(grid, osaka, OSAKA_LAT, OSAKA_LON);
        Map<YearMonth, Double> wh = new TreeMap<>();
        for (int i = 0; i < h.ghi().length; i++) {
            LocalDate day = Instant.ofEpochMilli(h.epochMs()[i]).atZone(zone).toLocalDate();
            wh.merge(YearMonth.from(day), h.ghi()[i], Double::sum);
        }
        assertThat(wh).hasSize(months);
        wh.forEach((month, total) -> {
            double meanDailyMj = total / month.lengthOfMonth() / WH_PER_MJ;
            assertThat(meanDailyMj / osaka.dailyGlobalMj(month.getMonth()))
                    .as(month.toString())
                    .isCloseTo(1, within(0.005));
        });
        return h;
    }

    private static TimeGrid grid(ZonedDateTime start, int days) {
        long ms = start.plusDays(days).toInstant().toEpochMilli()
                - start.toInstant().toEpochMilli();
        long step = 900_000;
        return new TimeGrid(start.toInstant().toEpochMilli(), step, ms / step, start.getZone());
    }

    private static double energyKwh(Profile p, TimeGrid grid) {
        double[] kw = new double[(int) grid.steps()];
        p.fill(0, kw, kw.length);
        double sum = 0;
        for (double v : kw) {
            sum += v;
        }
        return sum * grid.stepSeconds() / 3600;
    }
}

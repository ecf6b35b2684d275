package dev.chikuden.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeatherPvTest {

    /**
     * Reda and Andreas, "Solar Position Algorithm for Solar Radiation Applications", NREL/TP-560-34302
     * (rev. 2008), table A5.1: 2003-10-17 12:30:30 at UTC-7, 39.742476 N, 105.1786 W (820 mbar,
     * 11 °C): topocentric zenith 50.11162°, azimuth 194.34024°, earth radius vector 0.9965422974 AU.
     */
    @Test
    void solarPositionMatchesTheSpaReportsExampleWithinTheStatedAccuracy() {
        double[] sun = new double[3];
        long t = Instant.parse("2003-10-17T19:30:30Z").toEpochMilli();
        SolarPosition.compute(t, 39.742476, -105.1786, sun);
        assertThat(sun[SolarPosition.ZENITH]).isCloseTo(50.11162, within(0.01));
        assertThat(sun[SolarPosition.AZIMUTH]).isCloseTo(194.34024, within(0.01));
        double r = 0.9965422974;
        assertThat(sun[SolarPosition.EXTRATERRESTRIAL]).isCloseTo(1361 / (r * r), within(0.2));
    }

    // PVsyst V6.38 hourly simulation of its DEMO_Geneva project (meteo Geneva_CIE2004.met, 2004),
    // file DEMO_Geneva_HourlyRes_0_many-vars.CSV as published in pvlib-python pull request 274,
    // commit 52c66054b733fa063c86c8a1ae010c58625a7f86,
    // path pvlib/data/iotools/PVSyst/Userhourly/ (pvlib-python is BSD-3-Clause). Excerpt: columns
    // GlobHor, DiffHor (inputs, W/m²), GlobInc (PVsyst's transposed plane-of-array global, W/m²),
    // T Amb (°C), hours 00:00..23:00 of the day, each the mean of the hour starting at that label,
    // in Swiss standard time (UTC+1).
    // The plane is not printed in the file; it follows from the file itself: Alb Inc / GlobHor =
    // 0.009369 every hour = 0.2 (1 - cos 25°) / 2, so tilt 25° with PVsyst's default albedo 0.2;
    // BeamInc / BeamHor fits cos(incidence) / cos(zenith) to 0.4 W/m² rms on clear days only with the
    // array facing 20° west of south (azimuth 200°) and the sun at the middle of each hour.
    private static final double GENEVA_LAT = 46.25;
    private static final double GENEVA_LON = 6.13;

    private static final double[] JUN30_GHI = {
        0, 0, 0, 0, 1.0034, 49.003, 194, 355, 528, 671.99, 785.01, 868.01, 894, 870, 824, 723, 579.99, 413.01, 242.99,
        70, 1.0034, 0, 0, 0
    };
    private static final double[] JUN30_DHI = {
        0, 0, 0, 0, 0.9957, 18.994, 34.005, 61.999, 64.003, 61.999, 50.996, 52.004, 64.003, 61.999, 50.996, 50, 44.996,
        41.001, 31.006, 17.003, 0.9957, 0, 0, 0
    };
    private static final double[] JUN30_POA_PVSYST = {
        0, 0, 0, 0, 1.0051, 18.04, 32.677, 197.86, 406.11, 600.09, 766.03, 899.5, 966.43, 969.26, 937.4, 831.98, 667.02,
        464.71, 253.42, 52.676, 1.0051, 0, 0, 0
    };
    private static final double[] JUN30_TAMB = {
        20.301, 19.5, 18.899, 18.299, 17.299, 17.5, 18.1, 19.599, 21.301, 23.099, 25.3, 25.5, 26.599, 29.001, 31.099,
        31.799, 32.399, 32.699, 32.699, 31.3, 28.7, 26.701, 25.699, 24.501
    };
    private static final double[] JAN04_GHI = {
        0, 0, 0, 0, 0, 0, 0, 0, 11.996, 37.007, 79.001, 90.997, 155.99, 314, 268, 167, 63.006, 0, 0, 0, 0, 0, 0, 0
    };
    private static final double[] JAN04_DHI = {
        0, 0, 0, 0, 0, 0, 0, 0, 11.996, 37.005, 79.001, 90.997, 151, 182, 115.99, 75.006, 44.996, 0, 0, 0, 0, 0, 0, 0
    };
    private static final double[] JAN04_POA_PVSYST = {
        0, 0, 0, 0, 0, 0, 0, 0, 10.854, 34.139, 75.612, 86.586, 162.36, 502.01, 513.45, 384.49, 186.19, 0, 0, 0, 0, 0,
        0, 0
    };

    private static final PvSystem GENEVA = new PvSystem(10, 10, 25, 200, 0.2, -0.0037, 0.14, GENEVA_LAT, GENEVA_LON);

    @Test
    void clearJuneDayPlaneOfArrayWithinThreePercentOfPvsyst() {
        double ours = dailyPoa("2004-06-29T23:00:00Z", JUN30_GHI, JUN30_DHI);
        double pvsyst = sum(JUN30_POA_PVSYST); // 8065.2 Wh/m²
        assertThat(pvsyst).isCloseTo(8065.2, within(0.1));
        assertThat(ours / pvsyst - 1).isCloseTo(0, within(0.03));
    }

    @Test
    void mixedJanuaryDayPlaneOfArrayWithinThreePercentOfPvsyst() {
        double ours = dailyPoa("2004-01-03T23:00:00Z", JAN04_GHI, JAN04_DHI);
        double pvsyst = sum(JAN04_POA_PVSYST); // 1955.7 Wh/m²
        assertThat(ours / pvsyst - 1).isCloseTo(0, within(0.03));
    }

    @Test
    void fromGhiAloneTheErbsSplitKeepsTheClearDayWithinThreePercent() {
        WeatherPv pv = geneva("2004-06-29T23:00:00Z", JUN30_GHI, null, null);
        assertThat(sum(pv.poaWm2()) / sum(JUN30_POA_PVSYST) - 1).isCloseTo(0, within(0.03));
    }

    private static double dailyPoa(String start, double[] ghi, double[] dhi) {
        return sum(geneva(start, ghi, dhi, null).poaWm2());
    }

    private static WeatherPv geneva(String start, double[] ghi, double[] dhi, double[] poa) {
        long[] t = hours(start, 24);
        TimeGrid grid = new TimeGrid(t[0], 3_600_000L, 24, ZoneOffset.ofHours(1));
        return WeatherPv.of("geneva.csv", grid, t, ghi, null, dhi, poa, JUN30_TAMB, GENEVA);
    }

    /**
     * An independent hand calculation of the PVWatts chain for one hour with the plane-of-array
     * irradiance given: 800 W/m², 20 °C air, 1 m/s wind.
     */
    @Test
    void oneHourOfPowerMatchesAHandCalculation() {
        double tModule = 800 * Math.exp(-3.56 - 0.075) + 20; // 41.10 °C
        double tCell = tModule + 0.8 * 3; // 43.50 °C
        double dc = 10 * 0.8 * (1 - 0.0037 * (tCell - 25)) * 0.86; // 6.409 kW
        double zeta = dc / (8 / 0.96);
        double ac = dc * 0.96 / 0.9637 * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
        assertThat(ac).isCloseTo(6.165, within(0.001));

        PvSystem sys = new PvSystem(10, 8, 30, 180, 0.2, -0.0037, 0.14, 35, 139);
        WeatherPv pv = onePoaHour(sys, 800, 20);
        assertThat(pv.hourlyAcKw()[0]).isCloseTo(ac, within(1e-9));
    }

    @Test
    void theInverterClipsAtItsRating() {
        PvSystem sys = new PvSystem(10, 5, 30, 180, 0.2, -0.0037, 0.14, 35, 139);
        assertThat(onePoaHour(sys, 1000, 10).hourlyAcKw()[0]).isEqualTo(5.0);
        assertThat(onePoaHour(sys, 0, 10).hourlyAcKw()[0]).isZero();
    }

    private static WeatherPv onePoaHour(PvSystem sys, double poa, double tAir) {
        long[] t = hours("2024-06-01T03:00:00Z", 1);
        TimeGrid grid = new TimeGrid(t[0], 3_600_000L, 1, ZoneOffset.UTC);
        return WeatherPv.of("w.csv", grid, t, null, null, null, new double[] {poa}, new double[] {tAir}, sys);
    }

    @Test
    void studyStepsHoldTheHourAndLongerStepsAverageIt() {
        WeatherPv hourly = geneva("2004-06-29T23:00:00Z", JUN30_GHI, JUN30_DHI, null);
        double[] ac = hourly.hourlyAcKw();
        long[] t = hours("2004-06-29T23:00:00Z", 24);
        TimeGrid quarter = new TimeGrid(t[0], 900_000L, 96, ZoneOffset.UTC);
        WeatherPv pv = WeatherPv.of("geneva.csv", quarter, t, JUN30_GHI, null, JUN30_DHI, null, JUN30_TAMB, GENEVA);
        double[] out = new double[96];
        pv.fill(0, out, 96);
        for (int i = 0; i < 96; i++) {
            assertThat(out[i]).isEqualTo(ac[i / 4]);
        }
        double[] chunk = new double[7];
        pv.fill(45, chunk, 7);
        assertThat(chunk).containsExactly(Arrays.copyOfRange(out, 45, 52));

        TimeGrid twoHours = new TimeGrid(t[0] + 1_800_000L, 7_200_000L, 11, ZoneOffset.UTC);
        WeatherPv coarse =
                WeatherPv.of("geneva.csv", twoHours, t, JUN30_GHI, null, JUN30_DHI, null, JUN30_TAMB, GENEVA);
        double[] two = new double[11];
        coarse.fill(0, two, 11);
        // the step from 00:30 to 02:30 is half of hour 0, all of hour 1, half of hour 2
        assertThat(two[5]).isCloseTo((ac[10] / 2 + ac[11] + ac[12] / 2) / 2, within(1e-12));
        double energy = 0;
        for (double v : two) {
            energy += v * 2;
        }
        assertThat(energy).isCloseTo(sum(Arrays.copyOfRange(ac, 0, 23)) - ac[0] / 2 - ac[22] / 2, within(1e-9));
    }

    @Test
    void badWeatherIsRefusedWithTheSampleAndTheAllowedRange() {
        double[] ghi = JUN30_GHI.clone();
        ghi[3] = -20;
        assertThatThrownBy(() -> geneva("2004-06-29T23:00:00Z", ghi, JUN30_DHI, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("geneva.csv: ghi of the hour starting 2004-06-30T02:00:00Z (sample 3) is -20.0")
                .hasMessageContaining("0 W/m² or more");
        double[] small = JUN30_GHI.clone();
        small[3] = -2;
        assertThat(geneva("2004-06-29T23:00:00Z", small, JUN30_DHI, null).poaWm2()[3])
                .isZero();

        long[] t = hours("2004-06-29T23:00:00Z", 24);
        TimeGrid grid = new TimeGrid(t[0], 3_600_000L, 24, ZoneOffset.UTC);
        double[] dni = new double[24];
        dni[12] = 1500;
        assertThatThrownBy(() -> WeatherPv.of("w.csv", grid, t, JUN30_GHI, dni, null, null, JUN30_TAMB, GENEVA))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("dni of the hour starting 2004-06-30T11:00:00Z (sample 12) is 1500.0")
                .hasMessageContaining("extraterrestrial");

        long[] gap = t.clone();
        gap[5] += 600_000L;
        assertThatThrownBy(() -> WeatherPv.of("w.csv", grid, gap, JUN30_GHI, null, null, null, JUN30_TAMB, GENEVA))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("sample 5 at 2004-06-30T04:10:00Z")
                .hasMessageContaining("hourly");

        TimeGrid longer = new TimeGrid(t[0], 3_600_000L, 25, ZoneOffset.UTC);
        assertThatThrownBy(() -> WeatherPv.of("w.csv", longer, t, JUN30_GHI, null, null, null, JUN30_TAMB, GENEVA))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("supply weather for the whole study");

        assertThatThrownBy(
                        () -> WeatherPv.of("w.csv", grid, t, JUN30_GHI, null, new double[3], null, JUN30_TAMB, GENEVA))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("dhi has 3 values for 24 timestamps");
        assertThatThrownBy(() -> new PvSystem(10, 10, 95, 180, 0.2, -0.0037, 0.14, 35, 139))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("pv: tilt is 95.0");
    }

    private static long[] hours(String start, int n) {
        long t0 = Instant.parse(start).toEpochMilli();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * 3_600_000L;
        }
        return t;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}

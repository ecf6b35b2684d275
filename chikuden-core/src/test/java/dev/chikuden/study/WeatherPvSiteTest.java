package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.config.ConfigException;
import dev.chikuden.pv.PvSystem;
import dev.chikuden.pv.WeatherPv;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.site.WeatherPvSpec;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pv: {type: weather}}: three clear June days in Tokyo, written hour by hour, flow through the
 * site file and the whole study to the same energy as {@link WeatherPv} on the same arrays.
 */
class WeatherPvSiteTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long START_MS =
            Instant.parse("2025-06-01T00:00:00+09:00").toEpochMilli();
    private static final int HOURS = 72;
    private static final double LOAD_KW = 5000;

    @TempDir
    Path dir;

    private final double[] ghi = new double[HOURS];
    private final double[] dni = new double[HOURS];
    private final double[] dhi = new double[HOURS];
    private final double[] air = new double[HOURS];

    /** A clear-sky-like day: a sine from 06:00 to 18:00 peaking at 900 W/m², 20 % of it diffuse. */
    WeatherPvSiteTest() {
        for (int i = 0; i < HOURS; i++) {
            double mid = i % 24 + 0.5;
            ghi[i] = mid > 6 && mid < 18 ? 900 * Math.sin(Math.PI * (mid - 6) / 12) : 0;
            dhi[i] = 0.2 * ghi[i];
            dni[i] = 0.95 * (ghi[i] - dhi[i]) / Math.max(0.3, Math.sin(Math.PI * (mid - 6) / 12));
            air[i] = 22 + 6 * Math.sin(Math.PI * (mid - 9) / 12);
        }
    }

    @Test
    void theStudyGetsTheEnergyWeatherPvGivesOnTheSameHours() throws IOException {
        writeWeather("ghi_wm2", 1);
        SiteConfig site = SiteConfigReader.read(site(""));
        assertThat(site.pv()).isInstanceOf(WeatherPvSpec.class);
        TimeGrid grid = SiteModels.timeGrid(site);

        long[] epochMs = new long[HOURS];
        for (int i = 0; i < HOURS; i++) {
            epochMs[i] = START_MS + i * 3_600_000L;
        }
        PvSystem system = new PvSystem(2000, 1700, 20, 180, 0.2, -0.0037, 0.14, 35.68, 139.77);
        double direct = energyKwh(WeatherPv.of("direct", grid, epochMs, ghi, dni, dhi, null, air, system), grid);
        assertThat(direct).isGreaterThan(3 * 5000); // ~ 2 MW x 5 peak-sun hours a day

        assertThat(energyKwh(SiteModels.pv(site, grid), grid)).isCloseTo(direct, within(1e-9 * direct));
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        double imported = r.withoutBattery().gridKpis().energyImportedKwh();
        assertThat(LOAD_KW * HOURS - imported).isCloseTo(direct, within(1e-9 * LOAD_KW * HOURS));
    }

    /** JMA writes 日射量(MJ/㎡): the hour's sum in MJ/m², read as its mean in W/m². */
    @Test
    void aColumnInMegajoulesPerHourIsConvertedToWattsPerSquareMetre() throws IOException {
        writeWeather("ghi_wm2", 1);
        SiteConfig watts = SiteConfigReader.read(site(""));
        writeWeather("日射量(MJ/㎡)", 3600 / 1e6);
        SiteConfig megajoules = SiteConfigReader.read(site("", "日射量(MJ/㎡)"));
        TimeGrid grid = SiteModels.timeGrid(watts);
        double expected = energyKwh(SiteModels.pv(watts, grid), grid);
        assertThat(energyKwh(SiteModels.pv(megajoules, grid), grid)).isCloseTo(expected, within(1e-9 * expected));
        assertThat(megajoules.warnings()).anySatisfy(w -> assertThat(w.path()).isEqualTo("pv.ghi"));
    }

    @Test
    void aMissingColumnIsAProblemAtItsKey() throws IOException {
        writeWeather("ghi_wm2", 1);
        assertThatThrownBy(() -> SiteConfigReader.read(site("", "global")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("pv.ghi");
                            assertThat(p.message()).contains("global");
                        }));
    }

    @Test
    void weatherPvNeedsTheLocation() throws IOException {
        writeWeather("ghi_wm2", 1);
        Path site = site("");
        Files.writeString(site, Files.readString(site).replace("location: {latitude: 35.68, longitude: 139.77}\n", ""));
        assertThatThrownBy(() -> SiteConfigReader.read(site))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("pv");
                            assertThat(p.message()).contains("location");
                        }));
    }

    private static double energyKwh(dev.chikuden.profile.Profile p, TimeGrid grid) {
        double[] kw = new double[(int) grid.steps()];
        p.fill(0, kw, kw.length);
        double sum = 0;
        for (double v : kw) {
            sum += v;
        }
        return sum * grid.stepSeconds() / 3600;
    }

    /** The weather file, GHI in its column's unit ({@code factor} from W/m²). */
    private void writeWeather(String ghiHeader, double factor) throws IOException {
        StringBuilder csv = new StringBuilder("time," + ghiHeader + ",dni_wm2,dhi_wm2,temp_c\n");
        for (int i = 0; i < HOURS; i++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%.17g,%.17g,%.17g,%.17g%n",
                    Instant.ofEpochMilli(START_MS + i * 3_600_000L)
                            .atZone(TOKYO)
                            .toLocalDateTime(),
                    ghi[i] * factor,
                    dni[i],
                    dhi[i],
                    air[i]));
        }
        Files.writeString(dir.resolve("weather.csv"), csv);
    }

    private Path site(String extra) throws IOException {
        return site(extra, "ghi_wm2");
    }

    private Path site(String extra, String ghiColumn) throws IOException {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, """
                name: Weather PV
                timeZone: Asia/Tokyo
                location: {latitude: 35.68, longitude: 139.77}
                grid: {contract: 6 MW}
                loads: [{type: profile, base: 5 MW}]
                pv: {type: weather, file: weather.csv, ghi: "%s", dni: dni_wm2, dhi: dhi_wm2, temperature: temp_c,
                     dc: 2 MW, ac: 1.7 MW, tilt: 20, azimuth: 180, albedo: 0.2, gamma: -0.37 %%, losses: 14 %%%s}
                study: {start: 2025-06-01, duration: 3 d, step: 15 min}
                """.formatted(ghiColumn, extra));
        return f;
    }
}

package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.profile.Profile;
import dev.chikuden.pv.ClimatePv;
import dev.chikuden.pv.PvSystem;
import dev.chikuden.site.ClimatePvSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.time.TimeGrid;
import dev.chikuden.weather.Climate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pv: {type: climate}}: a household's typical-year PV with no file beside the site file, read
 * with the schema's defaults, through to the same energy as {@link ClimatePv} on the same array.
 */
class ClimatePvSiteTest {
    @TempDir
    Path dir;

    @Test
    void theStudyGetsTheEnergyOfTheClimatesTypicalYear() throws IOException {
        SiteConfig site =
                SiteConfigReader.read(site("{type: climate, climate: osaka, dc: 4.5 kW, ac: 4 kW, tilt: 30}"));
        assertThat(site.pv()).isInstanceOfSatisfying(ClimatePvSpec.class, c -> {
            assertThat(c.climate()).isEqualTo("osaka");
            // the schema's defaults: south, PVWatts's albedo, temperature coefficient and losses
            assertThat(c.system()).isEqualTo(new PvSystem(4.5, 4.0, 30, 180, 0.2, -0.0037, 0.14, 34.69, 135.50));
        });
        TimeGrid grid = SiteModels.timeGrid(site);
        ClimatePvSpec spec = (ClimatePvSpec) site.pv();
        double direct = energyKwh(ClimatePv.of(grid, Climate.named("osaka"), spec.system()), grid);
        assertThat(direct).isGreaterThan(4.5 * 31 * 2); // a May of more than 2 kWh per kWp a day
        assertThat(energyKwh(SiteModels.pv(site, grid), grid)).isCloseTo(direct, within(1e-9 * direct));
    }

    @Test
    void anUnknownClimateIsAProblemNamingTheBuiltInOnes() throws IOException {
        Path f = site("{type: climate, climate: tokyo, dc: 4.5 kW, ac: 4 kW}");
        assertThatThrownBy(() -> SiteConfigReader.read(f))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("pv.climate");
                            assertThat(p.message()).contains("tokyo").contains("osaka");
                        }));
    }

    @Test
    void climatePvNeedsTheLocation() throws IOException {
        Path f = site("{type: climate, climate: osaka, dc: 4.5 kW, ac: 4 kW}");
        Files.writeString(f, Files.readString(f).replace("location: {latitude: 34.69, longitude: 135.50}\n", ""));
        assertThatThrownBy(() -> SiteConfigReader.read(f))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("pv");
                            assertThat(p.message()).contains("location");
                        }));
    }

    /** The schema offers exactly the climates that ship, for ambient temperature and for PV alike. */
    @Test
    void theSchemaNamesEveryBuiltInClimateAndNoOther() throws IOException {
        JsonNode schema = new ObjectMapper()
                .readTree(Repository.root().resolve("schemas/site.schema.json").toFile());
        JsonNode properties = schema.get("properties");
        assertThat(names(properties.at("/ambient/properties/climate/enum"))).isEqualTo(Climate.builtIn());
        List<String> pv = new ArrayList<>();
        for (JsonNode branch : properties.at("/pv/allOf")) {
            if (branch.at("/if/properties/type/const").asText().equals("climate")) {
                pv = names(branch.at("/then/properties/climate/enum"));
            }
        }
        assertThat(pv).isEqualTo(Climate.builtIn());
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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

    private Path site(String pv) throws IOException {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, """
                name: Osaka home
                timeZone: Asia/Tokyo
                location: {latitude: 34.69, longitude: 135.50}
                grid: {contract: 10 kW}
                loads: [{type: profile, base: 0.5 kW}]
                pv: %s
                study: {start: 2025-05-01, duration: 31 d, step: 30 min}
                """.formatted(pv));
        return f;
    }
}

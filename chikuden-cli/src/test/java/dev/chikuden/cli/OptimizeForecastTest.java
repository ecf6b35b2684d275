package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --forecast} on the grid-battery example cut to two weeks: the day-ahead position
 * on forecast prices, reserve at its gate, and deviations at JEPX intraday prices from a synthetic
 * im_trade_summary file in the published layout, some slots without trades.
 */
class OptimizeForecastTest {
    static final int DAYS = 14;
    static final String IM_HEADER = "年月日,時刻コード,始値(円/kWh),高値(円/kWh),安値(円/kWh),終値(円/kWh),平均(円/kWh),約定量合計(kWh),約定件数";

    @TempDir
    static Path dir;

    static Path site;
    static Path withIntraday;

    /** Row {@code i} of the day-ahead file has no intraday trade: volume 0 or an empty row. */
    static boolean untraded(int i) {
        return i % 7 == 0 || i % 11 == 0;
    }

    @BeforeAll
    static void twoWeeksOfTheExample() throws IOException {
        Path examples = Repository.examples();
        List<String> spot = Files.readAllLines(examples.resolve("jepx-kansai-fy2025-synthetic.csv"));
        List<String> days = spot.subList(0, 1 + (DAYS + 1) * 48);
        Files.write(dir.resolve("jepx-kansai-fy2025-synthetic.csv"), days);
        StringBuilder im = new StringBuilder(IM_HEADER).append("\r\n");
        for (int i = 0; i < days.size() - 1; i++) {
            String[] f = days.get(i + 1).split(",");
            double da = Double.parseDouble(f[2]);
            double mean = Math.max(0.01, da + 3 * Math.sin(i * 0.7));
            im.append(f[0]).append(',').append(f[1]).append(',');
            if (i % 11 == 0) {
                im.append(",,,,,,\r\n");
            } else {
                im.append(String.format(
                        Locale.ROOT,
                        "%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d\r\n",
                        mean,
                        mean + 1,
                        Math.max(0.01, mean - 1),
                        mean,
                        mean,
                        i % 7 == 0 ? 0 : 301050,
                        i % 7 == 0 ? 0 : 140));
            }
        }
        Files.write(dir.resolve("im_trade_summary_2025.csv"), im.toString().getBytes(Charset.forName("windows-31j")));
        String text = Files.readString(examples.resolve("kansai-grid-battery.yaml"))
                .replace("duration: 365 d", "duration: " + DAYS + " d");
        site = dir.resolve("site.yaml");
        Files.writeString(site, text);
        withIntraday = dir.resolve("with-intraday.yaml");
        Files.writeString(
                withIntraday,
                text.replace("  area: kansai\n", "  area: kansai\n  intraday: {file: im_trade_summary_2025.csv}\n"));
    }

    static JsonNode json(Path file, String forecast) throws IOException {
        Run r = PlanCommandTest.run(
                "optimize", file.toString(), "--forecast", forecast, "--json", "--no-check", "--quiet");
        return KansaiGridBatteryTest.json(r);
    }

    static void assertPartsAddUp(JsonNode j) {
        JsonNode g = j.get("forecasting");
        JsonNode e = g.get("energy");
        JsonNode r = g.get("reserve");
        double value = g.get("valueYen").asDouble();
        assertThat(e.get("dayAheadYen").asDouble() + e.get("intradayYen").asDouble())
                .isCloseTo(e.get("valueYen").asDouble(), within(1e-3));
        assertThat(e.get("valueYen").asDouble() + r.get("valueYen").asDouble()).isCloseTo(value, within(1e-3));
        assertThat(e.get("perfectValueYen").asDouble()
                        + r.get("perfectValueYen").asDouble())
                .isCloseTo(g.get("perfectValueYen").asDouble(), within(1e-3));
        assertThat(j.get("captureRatio").asDouble())
                .isCloseTo(value / g.get("perfectValueYen").asDouble(), within(1e-12))
                .isLessThanOrEqualTo(1 + 1e-6);
    }

    @Test
    void perfectForesightCapturesTheHindsightLpMarketByMarket() throws IOException {
        JsonNode j = json(site, "perfect");
        assertThat(j.get("captureRatio").asDouble()).isCloseTo(1, within(1e-6));
        JsonNode g = j.get("forecasting");
        assertThat(g.get("reserve").get("captureRatio").asDouble()).isCloseTo(1, within(1e-5));
        assertThat(g.get("energy").get("intradayYen").asDouble()).isZero();
        assertThat(g.has("intradayPeriods")).isFalse();
        assertThat(g.get("energyDecisions").asText()).contains("no intraday prices: the position held");
        assertPartsAddUp(j);
    }

    @Test
    void aForecastSellsThePositionBlindAndTradesDeviationsWhereIntradayTraded() throws IOException {
        JsonNode held = json(site, "seasonal-naive");
        JsonNode traded = json(withIntraday, "seasonal-naive");
        assertPartsAddUp(held);
        assertPartsAddUp(traded);
        assertThat(held.get("captureRatio").asDouble()).isLessThan(1);
        int expected = 0;
        for (int i = 0; i < DAYS * 48; i++) {
            expected += untraded(i) ? 0 : 1;
        }
        JsonNode g = traded.get("forecasting");
        assertThat(g.get("intradayPeriods").asInt()).isEqualTo(expected);
        assertThat(g.get("energyDecisions").asText()).contains("settled at JEPX intraday prices");
        assertThat(g.get("energy").get("intradayYen").asDouble()).isNotZero();
        // the position and the offers are sold before intraday opens: the reserve is the same
        assertThat(g.get("reserve").get("valueYen").asDouble())
                .isCloseTo(
                        held.get("forecasting").get("reserve").get("valueYen").asDouble(), within(1e-3));
    }

    @Test
    void theTextSaysWhichEnergyDecisionsWereOnForecast() {
        Run r = PlanCommandTest.run(
                "optimize", withIntraday.toString(), "--forecast", "mean-of-four-weeks", "--no-check", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Trading at gate closure on mean-of-four-weeks prices:")
                .contains("on forecast                the day-ahead position, 10:00 the day before, on "
                        + "mean-of-four-weeks energy prices; deviations at the start of the day")
                .containsPattern("intraday +deviations traded in [0-9,]+ of 672 periods")
                .containsPattern("energy +-?[0-9,]+ yen \\(day-ahead -?[0-9,]+, intraday -?[0-9,]+\\) of")
                .containsPattern("reserve +[0-9,]+ yen of [0-9,]+ yen: [0-9.]+ %");
    }
}

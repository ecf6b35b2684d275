package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.JepxCsv;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesCommandTest {
    @TempDir
    Path dir;

    /** One day, Kansai price k yen/kWh in slot k; Shift-JIS and CRLF as published. */
    Path oneDay(String badValue) throws IOException {
        StringBuilder sb = new StringBuilder(JepxCsv.HEADER).append("\r\n");
        for (int k = 1; k <= 48; k++) {
            String kansai = k == 7 && badValue != null ? badValue : Integer.toString(k);
            sb.append("2025/4/1,")
                    .append(k)
                    .append(",1,1,1,9,1,1,1,1,1,")
                    .append(kansai)
                    .append(",1,1,1,0,0,0,0\r\n");
        }
        Path f = dir.resolve("spot_summary_2025.csv");
        Files.write(f, sb.toString().getBytes(Charset.forName("windows-31j")));
        return f;
    }

    @Test
    void jsonFiguresOfOneDay() throws IOException {
        Run r = run("prices", oneDay(null).toString(), "--area", "kansai", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("area").asText()).isEqualTo("kansai");
        assertThat(j.get("slots").asInt()).isEqualTo(48);
        assertThat(j.get("first").asText()).isEqualTo("2025-04-01T00:00+09:00");
        assertThat(j.get("last").asText()).isEqualTo("2025-04-01T23:30+09:00");
        assertThat(j.get("meanYenPerKwh").asDouble()).isEqualTo(24.5); // (1 + 48) / 2
        assertThat(j.get("medianYenPerKwh").asDouble()).isEqualTo(24.5);
        assertThat(j.get("minYenPerKwh").asDouble()).isEqualTo(1.0);
        assertThat(j.get("maxYenPerKwh").asDouble()).isEqualTo(48.0);
        assertThat(j.get("meanDailySpreadYenPerKwh").asDouble()).isEqualTo(47.0);
    }

    @Test
    void aMalformedValueExitsWithTwoNamingFileAndLine() throws IOException {
        Path f = oneDay("n/a");
        Run r = run("prices", f.toString(), "--area", "kansai");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(f + ":8: エリアプライス関西(円/kWh) value \"n/a\" is not a price")
                .doesNotContain("\tat ");
    }

    @Test
    void theKansaiFiscal2025TableAsPublished() {
        Path f = JepxCsv.published("spot_summary_2025.csv");
        Run r = run("prices", f.toString(), "--area", "関西");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("JEPX day-ahead, area kansai: 17,520 slots from 2025-04-01T00:00+09:00 to "
                        + "2026-03-31T23:30+09:00\n")
                .contains("mean                      10.65 yen/kWh\n")
                .contains("max                       45.01 yen/kWh\n");
    }
}

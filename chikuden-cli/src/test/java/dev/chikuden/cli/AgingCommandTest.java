package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgingCommandTest {
    @TempDir
    Path dir;

    /** The BLAST reference calendar duty: SOC 0.5 held at 25 °C, hourly samples, 365 days. */
    private Path calendarDuty(double celsius) throws IOException {
        StringBuilder sb = new StringBuilder("# calendar duty\ntime_s,soc,temperature_c\n");
        for (int h = 0; h <= 365 * 24; h++) {
            sb.append(h * 3600).append(",0.5,").append(celsius).append('\n');
        }
        Path f = dir.resolve("calendar.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void printsTheReferenceCalendarFadeAsJson() throws IOException {
        var r = PlanCommandTest.run(
                "aging", "--model", "lfp-250ah", "--profile", calendarDuty(25).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("model").asText()).isEqualTo("lfp-250ah");
        double[] expected = {0.996996, 0.994691, 0.992376, 0.988960};
        int[] days = {30, 90, 180, 365};
        for (int i = 0; i < 4; i++) {
            JsonNode p = j.get("points").get(i);
            assertThat(p.get("day").isIntegralNumber()).isTrue();
            assertThat(p.get("day").asInt()).isEqualTo(days[i]);
            assertThat(p.get("relativeCapacity").asDouble()).isCloseTo(expected[i], offset(2e-4));
        }
    }

    @Test
    void warnsWhenTheDutyLeavesTheFittedRange() throws IOException {
        StringBuilder sb = new StringBuilder("time_s,soc,temperature_c\n");
        for (int m = 0; m <= 3 * 1440; m++) {
            sb.append(m * 60)
                    .append(',')
                    .append(0.5 + 0.05 * Math.sin(m / 60.0))
                    .append(",55\n");
        }
        Path f = dir.resolve("hot.csv");
        Files.writeString(f, sb);
        var r = PlanCommandTest.run("aging", "--model", "lfp-250ah", "--profile", f.toString(), "--days", "1,2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("relative capacity", "(end)");
        assertThat(r.err()).contains("chikuden: warning: cycling at 55.0..55.0 °C: lfp-250ah is fitted for 10..45 °C");
    }

    @Test
    void aMalformedProfileIsBadInputWithItsLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "time_s,soc,temperature_c\n0,0.5,25\n60,50,25\n");
        var r = PlanCommandTest.run("aging", "--model", "lfp-250ah", "--profile", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":3: soc 50 is outside 0..1 (a fraction, not a percentage)");
    }

    @Test
    void anUnknownModelIsBadInput() throws IOException {
        var r = PlanCommandTest.run(
                "aging", "--model", "nmc", "--profile", calendarDuty(25).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--model \"nmc\" is not an aging model; available: [lfp-250ah, table]");
    }

    /** SAM's life-table case through the command: 500 alternating DOD values of 5 % and 95 %. */
    @Test
    void theTableModelReproducesSamsCase() throws IOException {
        Path life = dir.resolve("life.csv");
        Files.writeString(life, """
                # the SAM example table
                dod_percent,cycles,capacity_percent
                20,0,100
                20,5000,80
                20,10000,60
                80,0,100
                80,1000,80
                80,2000,60
                """);
        StringBuilder duty = new StringBuilder("time_s,soc,temperature_c\n");
        for (int i = 0; i < 500; i++) {
            duty.append(i * 60).append(',').append(i % 2 == 0 ? 0.95 : 0.05).append(",25\n");
        }
        Path f = dir.resolve("alternating.csv");
        Files.writeString(f, duty);
        var r = PlanCommandTest.run(
                "aging", "--model", "table", "--table", life.toString(), "--profile", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("end").get("relativeCapacity").asDouble() * 100).isCloseTo(95.02, offset(0.005));
    }
}

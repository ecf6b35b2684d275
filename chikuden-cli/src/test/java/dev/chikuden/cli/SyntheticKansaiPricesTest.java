package dev.chikuden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.chikuden.cli.SyntheticKansaiPrices.Targets;
import dev.chikuden.fixtures.JepxCsv;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.market.JepxSpotCsv;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.market.PriceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The grid-battery example's synthetic price year: the committed file is what {@link
 * SyntheticKansaiPrices} writes, the JEPX reader finds in it the three FY2025 figures the example
 * states, those are the published year's, and the year has the shape the generator claims.
 */
class SyntheticKansaiPricesTest {
    private static final Path COMMITTED = Repository.examples().resolve(SyntheticKansaiPrices.FILE);
    private static final Pattern STATED = Pattern.compile(
            "(?m)^# FY2025 Kansai targets, yen/kWh: mean ([\\d.]+), max ([\\d.]+), mean daily spread ([\\d.]+)$");

    @Test
    void theCommittedFileIsWhatTheGeneratorWrites() throws IOException {
        byte[] generated = SyntheticKansaiPrices.csv().getBytes(UTF_8);
        if (!Arrays.equals(generated, Files.readAllBytes(COMMITTED))) {
            Path fresh = Path.of("target", SyntheticKansaiPrices.FILE).toAbsolutePath();
            Files.write(fresh, generated);
            fail(COMMITTED + " is not what SyntheticKansaiPrices writes now; if the change is meant, copy " + fresh
                    + " over it and check the figures the example states");
        }
    }

    /** Read as the example reads it, the file has a whole fiscal year and the stated figures to 0.005 yen. */
    @Test
    void theJepxReaderFindsTheStatedFiguresInTheFile() throws IOException {
        PriceSummary s = PriceSummary.of(JepxSpotCsv.read(COMMITTED, "kansai"));
        assertThat(s.area()).isEqualTo("kansai");
        assertThat(s.slots()).isEqualTo(17_520);
        assertThat(s.missingSlots()).isZero();
        assertThat(s.firstSlotEpochMs()).isEqualTo(epochMs("2025-04-01T00:00+09:00"));
        assertThat(s.lastSlotEpochMs()).isEqualTo(epochMs("2026-03-31T23:30+09:00"));
        assertThat(s.minYenPerKwh()).as("JEPX's floor").isEqualTo(0.01);
        Targets stated = statedInTheExample();
        assertThat(stated).isEqualTo(SyntheticKansaiPrices.TARGETS);
        assertThat(s.meanYenPerKwh())
                .isCloseTo(stated.mean(), withinPercentage(2))
                .isCloseTo(stated.mean(), within(0.005));
        assertThat(s.maxYenPerKwh())
                .isCloseTo(stated.max(), withinPercentage(2))
                .isCloseTo(stated.max(), within(0.005));
        assertThat(s.meanDailySpreadYenPerKwh())
                .isCloseTo(stated.meanDailySpread(), withinPercentage(2))
                .isCloseTo(stated.meanDailySpread(), within(0.005));
        assertThat(Files.readAllLines(COMMITTED, UTF_8).get(0)).contains("SYNTHETIC", "not JEPX data");
    }

    /** The targets are FY2025's published Kansai figures, read from JEPX's file when the shared data is there. */
    @Test
    void theTargetsAreThePublishedYears() {
        PriceSeries all = JepxSpotCsv.read(JepxCsv.published("spot_summary_2025.csv"), "kansai");
        long from = epochMs("2025-04-01T00:00+09:00");
        long to = epochMs("2026-04-01T00:00+09:00");
        int first = (int) ((from - all.startEpochMs()) / PriceSeries.SLOT_MS);
        int end = (int) Math.min(all.size(), (to - all.startEpochMs()) / PriceSeries.SLOT_MS);
        PriceSeries fy = new PriceSeries(
                "kansai",
                all.epochMsAt(Math.max(0, first)),
                Arrays.copyOfRange(all.yenPerKwh(), Math.max(0, first), end));
        PriceSummary s = PriceSummary.of(fy);
        Targets t = SyntheticKansaiPrices.TARGETS;
        assertThat(s.meanYenPerKwh()).isCloseTo(t.mean(), within(0.005));
        assertThat(s.maxYenPerKwh()).isCloseTo(t.max(), within(0.005));
        assertThat(s.meanDailySpreadYenPerKwh()).isCloseTo(t.meanDailySpread(), within(0.005));
    }

    /**
     * The shape the generator claims: summer above May, weekdays above rest days, evenings above
     * mornings above nights, and in spring a midday below the night; the highest price on a weekday
     * evening.
     */
    @Test
    void theYearHasTheShapeItClaims() {
        double[][] p = SyntheticKansaiPrices.prices();
        assertThat(mean(p, "2025-07-01", "2025-08-31", 0, 48, false))
                .isGreaterThan(mean(p, "2025-05-01", "2025-05-31", 0, 48, false) + 2);
        assertThat(mean(p, "2025-04-01", "2026-03-31", 0, 48, false))
                .as("weekdays over weekends and holidays")
                .isGreaterThan(mean(p, "2025-04-01", "2026-03-31", 0, 48, true) + 0.5);
        double evening = mean(p, "2025-04-01", "2026-03-31", 34, 40, false); // 17:00-20:00
        double morning = mean(p, "2025-04-01", "2026-03-31", 15, 19, false); // 07:30-09:30
        double night = mean(p, "2025-04-01", "2026-03-31", 4, 10, false); // 02:00-05:00
        assertThat(evening).isGreaterThan(morning);
        assertThat(morning).isGreaterThan(night);
        assertThat(mean(p, "2025-04-01", "2025-05-31", 23, 27, true))
                .as("a spring midday at rest, the solar dip")
                .isLessThan(mean(p, "2025-04-01", "2025-05-31", 4, 10, true) - 2);
        int[] at = argmax(p);
        LocalDate day = SyntheticKansaiPrices.FIRST.plusDays(at[0]);
        assertThat(day.getDayOfWeek().getValue()).as(day.toString()).isLessThanOrEqualTo(5);
        assertThat(at[1]).as("slot of the year's highest price").isBetween(30, 40);
    }

    static Targets statedInTheExample() throws IOException {
        Matcher m = STATED.matcher(Files.readString(Repository.examples().resolve("kansai-grid-battery.yaml")));
        assertThat(m.find())
                .as("the figures stated in kansai-grid-battery.yaml")
                .isTrue();
        return new Targets(
                Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static double mean(double[][] p, String from, String to, int firstSlot, int endSlot, boolean rest) {
        double sum = 0;
        int n = 0;
        for (int d = 0; d < p.length; d++) {
            LocalDate day = SyntheticKansaiPrices.FIRST.plusDays(d);
            if (day.isBefore(LocalDate.parse(from)) || day.isAfter(LocalDate.parse(to))) {
                continue;
            }
            boolean weekend = day.getDayOfWeek().getValue() >= 6 || dev.chikuden.time.JapaneseHolidays.isHoliday(day);
            if (weekend != rest) {
                continue;
            }
            for (int s = firstSlot; s < endSlot; s++) {
                sum += p[d][s];
                n++;
            }
        }
        return sum / n;
    }

    private static int[] argmax(double[][] p) {
        int[] at = {0, 0};
        for (int d = 0; d < p.length; d++) {
            for (int s = 0; s < 48; s++) {
                if (p[d][s] > p[at[0]][at[1]]) {
                    at = new int[] {d, s};
                }
            }
        }
        return at;
    }

    private static long epochMs(String time) {
        return OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }
}

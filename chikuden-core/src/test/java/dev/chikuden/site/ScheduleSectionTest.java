package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.config.ConfigException;
import dev.chikuden.load.ProductionSchedule;
import dev.chikuden.load.ProductionSchedule.Shift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: production-schedule} as written, and what it refuses. */
class ScheduleSectionTest {
    static final String SITE = """
            name: Factory
            loads:
              - name: plant
                type: production-schedule
                base: 40 kW
            %s
            study:
              start: 2025-04-01
              duration: 7 d
              step: 30 min
            """;

    static final String SHIFTS = """
                shifts:
                  weekdays:
                    - {from: 08:00, to: 17:00, power: 320 kW}
                    - {from: 17:00, to: 01:00, power: 250 kW}
                  friday:
                    - {from: 08:00, to: 17:00, power: 300 kW}
                  saturday:
                    - {from: "8:00", to: "12:00", power: 200 kW}
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheWeekTheHolidaysAndTheClosedDays() throws IOException {
        SiteConfig site = SiteConfigReader.read(write(SHIFTS + """
                    nationalHolidays: saturday
                    companyHolidays:
                      - {name: お盆, from: 08-13, to: 08-16}
                      - {name: 年末年始, from: 12-29, to: 01-04}
                      - {name: stocktaking, from: 2025-10-04}
                    monthly: [1.05, 1.05, 1, 0.95, 0.95, 1, 1.1, 1.15, 1.05, 0.95, 1, 1.05]
                    ramp: 15 min
                    noise: 1 %
                    seed: 5
                """));
        ScheduleLoadSpec spec = (ScheduleLoadSpec) site.loads().get(0);
        assertThat(spec.name()).isEqualTo("plant");
        assertThat(spec.rampMs()).isEqualTo(900_000);
        assertThat(spec.noiseFraction()).isEqualTo(0.01);
        assertThat(spec.seed()).isEqualTo(5);
        ProductionSchedule s = spec.schedule();
        assertThat(s.baseKw()).isEqualTo(40);
        List<Shift> weekday = List.of(new Shift(480, 1020, 320), new Shift(1020, 1500, 250));
        assertThat(s.week().subList(0, 4)).allSatisfy(d -> assertThat(d).isEqualTo(weekday));
        assertThat(s.week().get(4)).containsExactly(new Shift(480, 1020, 300));
        List<Shift> saturday = List.of(new Shift(480, 720, 200));
        assertThat(s.week().get(5)).isEqualTo(saturday);
        assertThat(s.week().get(6)).isEmpty();
        assertThat(s.nationalHolidayShifts()).isEqualTo(saturday);
        assertThat(s.companyHolidays())
                .containsExactly(
                        new ProductionSchedule.EveryYear("お盆", MonthDay.of(8, 13), MonthDay.of(8, 16)),
                        new ProductionSchedule.EveryYear("年末年始", MonthDay.of(12, 29), MonthDay.of(1, 4)),
                        new ProductionSchedule.Dates(
                                "stocktaking", LocalDate.of(2025, 10, 4), LocalDate.of(2025, 10, 4)));
        assertThat(s.monthFactors()[7]).isEqualTo(1.15);
        // 2025-11-03 文化の日 is a Monday: it runs as a Saturday; 2026-01-02 is closed
        assertThat(s.shiftsOn(LocalDate.of(2025, 11, 3))).isEqualTo(saturday);
        assertThat(s.shiftsOn(LocalDate.of(2026, 1, 2))).isEmpty();
        assertThat(s.shiftsOn(LocalDate.of(2025, 11, 4))).isEqualTo(weekday);
    }

    @Test
    void theDefaultsAreSundayForHolidaysNoClosedDaysAndFlatMonths() throws IOException {
        ProductionSchedule s =
                ((ScheduleLoadSpec) SiteConfigReader.read(write(SHIFTS)).loads().get(0)).schedule();
        assertThat(s.nationalHolidayShifts()).isEmpty();
        assertThat(s.companyHolidays()).isEmpty();
        assertThat(s.monthFactors()).containsOnly(1.0);
        assertThat(((ScheduleLoadSpec) SiteConfigReader.read(write(SHIFTS + "    nationalHolidays: worked\n"))
                                .loads()
                                .get(0))
                        .schedule()
                        .nationalHolidayShifts())
                .isNull();
    }

    @Test
    void overlappingShiftsAreRefused() throws IOException {
        assertProblems(
                SHIFTS.replace("from: 08:00, to: 17:00, power: 320", "from: 08:00, to: 17:30, power: 320"),
                "shifts.weekdays[1]: the shift 17:00-01:00 starts before the shift 08:00-17:30 of weekdays ends;"
                        + " a day's shifts must not overlap (give each hour one shift)");
    }

    @Test
    void aNightShiftMustEndBeforeTheNextDaysFirstShift() throws IOException {
        assertProblems(
                SHIFTS.replace("to: 01:00", "to: 09:00"),
                "shifts.weekdays[1]: the shift 17:00-09:00 runs into the next day past 08:00, when the first shift of"
                        + " weekdays starts; end it by then (a shift belongs to the day it starts on)");
        // written night shift first: the problem is where it was written
        assertProblems(
                SHIFTS.replace("""
                                    - {from: 08:00, to: 17:00, power: 320 kW}
                                    - {from: 17:00, to: 01:00, power: 250 kW}
                            """, """
                                    - {from: 17:00, to: 09:00, power: 250 kW}
                                    - {from: 08:00, to: 17:00, power: 320 kW}
                            """),
                "shifts.weekdays[0]: the shift 17:00-09:00 runs into the next day past 08:00, when the first shift of"
                        + " weekdays starts; end it by then (a shift belongs to the day it starts on)");
        // Friday's night shift into Saturday's morning; Saturday's into a closed Sunday is no problem
        assertProblems(
                SHIFTS.replace("{from: 08:00, to: 17:00, power: 300 kW}", "{from: 22:00, to: 09:00, power: 300 kW}")
                        .replace("{from: \"8:00\", to: \"12:00\"", "{from: \"8:00\", to: \"7:00\""),
                "shifts.friday[0]: the shift 22:00-09:00 runs into the next day past 08:00, when the first shift of"
                        + " saturday starts; end it by then (a shift belongs to the day it starts on)");
    }

    @Test
    void badTimesAndDates() throws IOException {
        assertProblems(
                SHIFTS.replace("{from: \"8:00\", to: \"12:00\"", "{from: \"24:00\", to: \"12:00\""),
                "shifts.saturday[0].from: \"24:00\" is not a time of day HH:MM");
        assertProblems(
                SHIFTS.replace("{from: \"8:00\", to: \"12:00\"", "{from: \"8:00\", to: \"08:00\""),
                "shifts.saturday[0].to: \"08:00\" is the shift's start: a shift of no length (for round the clock"
                        + " give from 00:00 to 24:00)");
        assertProblems(
                SHIFTS + "    companyHolidays: [{from: 2025-08-13, to: 08-16}]\n",
                "companyHolidays[0].to: \"08-16\" and from \"2025-08-13\" must both be MM-DD (every year) or both"
                        + " YYYY-MM-DD");
        assertProblems(
                SHIFTS + "    companyHolidays: [{from: 2026-01-04, to: 2025-12-29}]\n",
                "companyHolidays[0].to: \"2025-12-29\" is before from \"2026-01-04\"; dates with a year run forward"
                        + " (MM-DD dates may run over the new year, e.g. 12-29 to 01-04)");
        assertThat(problems(SHIFTS + "    companyHolidays: [{from: 02-30}]\n"))
                .singleElement()
                .asString()
                .startsWith("companyHolidays[0]: \"02-30\" to \"02-30\" is not a date range of the calendar");
    }

    @Test
    void theSchemaNamesTheKeysAndForms() throws IOException {
        assertThat(problems(SHIFTS.replace("saturday:", "satday:")))
                .singleElement()
                .asString()
                .contains("shifts.satday");
        assertThat(problems(SHIFTS + "    nationalHolidays: holiday\n"))
                .singleElement()
                .asString()
                .contains("\"holiday\" is not one of sunday, saturday, monday");
        assertThat(problems(SHIFTS.replace("to: 01:00", "to: 1 am")))
                .singleElement()
                .asString()
                .contains("shifts.weekdays[1].to");
        assertThat(problems(SHIFTS + "    ramp: 7 h\n"))
                .singleElement()
                .asString()
                .contains("ramp");
    }

    private List<String> problems(String loadKeys) throws IOException {
        Path f = write(loadKeys);
        try {
            SiteConfigReader.read(f);
        } catch (ConfigException e) {
            return e.problems().stream()
                    .map(p -> p.path().replace("loads[0].", "") + ": " + p.message())
                    .toList();
        }
        throw new AssertionError("expected problems, the file was accepted:\n" + loadKeys);
    }

    private void assertProblems(String loadKeys, String... expected) throws IOException {
        assertThat(problems(loadKeys)).containsExactly(expected);
    }

    private Path write(String loadKeys) throws IOException {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, SITE.formatted(loadKeys.stripTrailing()));
        return f;
    }
}

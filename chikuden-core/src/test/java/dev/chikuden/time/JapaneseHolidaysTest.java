package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {
    private static final LocalDate FIRST = LocalDate.of(JapaneseHolidays.FIRST_YEAR, 1, 1);
    private static final LocalDate END = LocalDate.of(JapaneseHolidays.LAST_YEAR + 1, 1, 1);

    /**
     * The Cabinet Office list (SOURCES.md), as published in CP932: date -> name. It calls both
     * 振替休日 and 国民の休日 "休日", the two 2019 ceremony days "休日（祝日扱い）" and annotates
     * 2019's 体育の日 with the name it took in 2020.
     */
    private static Map<LocalDate, String> cabinetOffice() throws IOException {
        Map<LocalDate, String> out = new TreeMap<>();
        var in = JapaneseHolidaysTest.class.getResourceAsStream("syukujitsu.csv");
        try (var r = new BufferedReader(new InputStreamReader(in, Charset.forName("windows-31j")))) {
            assertThat(r.readLine()).isEqualTo("国民の祝日・休日月日,国民の祝日・休日名称");
            DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu/M/d");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split(",");
                assertThat(out.put(LocalDate.parse(cells[0], f), cells[1])).isNull();
            }
        }
        return out;
    }

    /** Our name as the Cabinet Office writes it (see cabinetOffice()). */
    private static String asCabinetOffice(JapaneseHolidays.Holiday h) {
        if (h.date().equals(LocalDate.of(2019, 5, 1)) || h.date().equals(LocalDate.of(2019, 10, 22))) {
            return "休日（祝日扱い）";
        }
        if (h.date().equals(LocalDate.of(2019, 10, 14))) {
            return h.name() + "（スポーツの日）";
        }
        return h.name().equals(JapaneseHolidays.SUBSTITUTE) || h.name().equals(JapaneseHolidays.SANDWICHED)
                ? "休日"
                : h.name();
    }

    @Test
    void everyYearOfTheCabinetOfficeListMatchesDatesAndNames() throws IOException {
        Map<LocalDate, String> published = cabinetOffice();
        LocalDate first = ((TreeMap<LocalDate, String>) published).firstKey();
        LocalDate last = ((TreeMap<LocalDate, String>) published).lastKey();
        assertThat(first.getYear()).isEqualTo(1955);
        assertThat(last.getYear()).isGreaterThanOrEqualTo(2027);

        Map<LocalDate, String> computed = new TreeMap<>();
        for (var h : JapaneseHolidays.between(first.withDayOfYear(1), LocalDate.of(last.getYear() + 1, 1, 1))) {
            computed.put(h.date(), asCabinetOffice(h));
        }
        // the differences, not both 1,000-entry maps, when it fails
        List<String> differences = new ArrayList<>();
        for (LocalDate d : union(computed.keySet(), published.keySet())) {
            if (!Objects.equals(computed.get(d), published.get(d))) {
                differences.add(d + ": computed " + computed.get(d) + ", published " + published.get(d));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(published).hasSizeGreaterThan(1000);
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void singleQueriesAgreeWithTheList() {
        LocalDate d = LocalDate.of(2025, 5, 6);
        assertThat(JapaneseHolidays.name(d)).contains("振替休日");
        assertThat(JapaneseHolidays.name(LocalDate.of(2019, 4, 30))).contains("国民の休日");
        assertThat(JapaneseHolidays.name(LocalDate.of(2019, 5, 1))).contains("即位の日");
        assertThat(JapaneseHolidays.name(LocalDate.of(2026, 1, 1))).contains("元日");
        assertThat(JapaneseHolidays.name(LocalDate.of(2019, 2, 23))).isEmpty(); // no 天皇誕生日 in 2019
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2025, 8, 11))).isTrue();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2025, 8, 12))).isFalse();
        assertThat(JapaneseHolidays.between(LocalDate.of(2025, 5, 3), LocalDate.of(2025, 5, 6)))
                .extracting(JapaneseHolidays.Holiday::name)
                .containsExactly("憲法記念日", "みどりの日", "こどもの日");
    }

    @Test
    void refusesYearsOutsideTheSupportedRange() {
        assertThatThrownBy(() -> JapaneseHolidays.isHoliday(LocalDate.of(1954, 12, 31)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("1955-2099")
                .hasMessageContaining("1954-12-31");
        assertThatThrownBy(() -> JapaneseHolidays.between(LocalDate.of(2099, 12, 1), LocalDate.of(2100, 1, 2)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("2100-01-01");
        assertThat(JapaneseHolidays.between(LocalDate.of(2099, 11, 1), END))
                .extracting(JapaneseHolidays.Holiday::name)
                .containsExactly("文化の日", "勤労感謝の日");
    }

    /**
     * Article 3 over every supported year: a substitute holiday ends a run of holidays that starts
     * on a Sunday national holiday (one day long before 2007), every Sunday national holiday since
     * 12 April 1973 gets one, and a 国民の休日 is never a Sunday and lies between national holidays.
     */
    @Test
    void substituteAndSandwichedDaysFollowArticle3() {
        List<JapaneseHolidays.Holiday> all = JapaneseHolidays.between(FIRST, END);
        int substitutes = 0;
        int sandwiched = 0;
        for (var h : all) {
            LocalDate d = h.date();
            if (h.name().equals(JapaneseHolidays.SUBSTITUTE)) {
                substitutes++;
                LocalDate s = d.minusDays(1);
                while (s.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    assertThat(national(s))
                            .as("day %s before substitute %s", s, d)
                            .isTrue();
                    s = s.minusDays(1);
                }
                assertThat(national(s)).as("the Sunday before substitute %s", d).isTrue();
                if (s.getYear() < 2007) {
                    assertThat(d).isEqualTo(s.plusDays(1));
                }
            } else if (h.name().equals(JapaneseHolidays.SANDWICHED)) {
                sandwiched++;
                assertThat(d.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
                assertThat(national(d.minusDays(1)) && national(d.plusDays(1)))
                        .as("national holidays either side of %s", d)
                        .isTrue();
            } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY && !d.isBefore(LocalDate.of(1973, 4, 12))) {
                LocalDate next = d.plusDays(1);
                while (national(next)) {
                    next = next.plusDays(1);
                }
                assertThat(JapaneseHolidays.name(next))
                        .as("after Sunday holiday %s", d)
                        .contains("振替休日");
            }
        }
        assertThat(substitutes).isGreaterThan(100);
        assertThat(sandwiched).isGreaterThan(20);
    }

    private static boolean national(LocalDate d) {
        return JapaneseHolidays.name(d)
                .filter(n -> !n.equals(JapaneseHolidays.SUBSTITUTE) && !n.equals(JapaneseHolidays.SANDWICHED))
                .isPresent();
    }
}

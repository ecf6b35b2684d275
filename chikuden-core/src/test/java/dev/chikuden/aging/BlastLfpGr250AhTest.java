package dev.chikuden.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Reproduces the reference vectors of ../shared/reference/battery.md, section 1. */
class BlastLfpGr250AhTest {
    static final double K25 = 298.15;

    @Test
    void constantsMatchTheReference() {
        assertThat(BlastLfpGr250Ah.anodePotential(0.5)).isCloseTo(0.1233037, offset(0.1233037 * 1e-6));
        assertThat(BlastLfpGr250Ah.anodePotential(1.0)).isCloseTo(0.0863823, offset(0.0863823 * 1e-6));
        assertThat(BlastLfpGr250Ah.kCal(K25, 0.5)).isCloseTo(4.946233e-4, offset(4.946233e-4 * 1e-6));
        assertThat(BlastLfpGr250Ah.kCyc(K25, 0.8, 0.065625)).isCloseTo(1.041244e-4, offset(1.041244e-4 * 1e-6));
    }

    /** Every day SOC 0.1 -> 0.9 over 00:00-04:00, hold, 0.9 -> 0.1 over 12:00-16:00, hold; 15-min samples. */
    static double cycleProfileSoc(double hourOfDay) {
        if (hourOfDay <= 4) {
            return 0.1 + 0.8 * hourOfDay / 4;
        }
        if (hourOfDay <= 12) {
            return 0.9;
        }
        if (hourOfDay <= 16) {
            return 0.9 - 0.8 * (hourOfDay - 12) / 4;
        }
        return 0.1;
    }

    static Map<Integer, Double> run(java.util.function.DoubleUnaryOperator socOfHour, double stepS, int days) {
        BlastLfpGr250Ah model = new BlastLfpGr250Ah();
        AgingModel.Cohort cohort = model.newCohort();
        Map<Integer, Double> q = new TreeMap<>();
        int stepsPerDay = (int) Math.round(86_400 / stepS);
        // the profile's first sample (t = 0) is the state before the first step
        model.addStep(socOfHour.applyAsDouble(0), 25, 0);
        for (int d = 0; d < days; d++) {
            for (int i = 1; i <= stepsPerDay; i++) {
                model.addStep(socOfHour.applyAsDouble(i * stepS / 3600.0), 25, stepS);
            }
            if (model.chunkComplete()) {
                model.applyChunk(List.of(cohort));
            }
            q.put(d + 1, cohort.relativeCapacity());
        }
        return q;
    }

    @Test
    void cycleProfileAt25CMatchesBlast() {
        Map<Integer, Double> q = run(BlastLfpGr250AhTest::cycleProfileSoc, 900, 365);
        assertThat(q.get(30)).isCloseTo(0.995785, offset(2e-4));
        assertThat(q.get(90)).isCloseTo(0.991516, offset(2e-4));
        assertThat(q.get(180)).isCloseTo(0.986612, offset(2e-4));
        assertThat(q.get(365)).isCloseTo(0.978426, offset(2e-4));
    }

    @Test
    void calendarProfileAt50PercentAnd25CMatchesBlast() {
        Map<Integer, Double> q = run(h -> 0.5, 3600, 365);
        assertThat(q.get(30)).isCloseTo(0.996996, offset(2e-4));
        assertThat(q.get(90)).isCloseTo(0.994691, offset(2e-4));
        assertThat(q.get(180)).isCloseTo(0.992376, offset(2e-4));
        assertThat(q.get(365)).isCloseTo(0.988960, offset(2e-4));
    }

    @Test
    void aOneSecondDutyAgesLikeTheSameDutySampledEveryQuarterHour() {
        Map<Integer, Double> coarse = run(BlastLfpGr250AhTest::cycleProfileSoc, 900, 30);
        Map<Integer, Double> fine = run(BlastLfpGr250AhTest::cycleProfileSoc, 1, 30);
        assertThat(fine.get(30)).isCloseTo(coarse.get(30), offset(2e-5));
    }

    @Test
    void warnsOutsideTheFittedRange() {
        BlastLfpGr250Ah model = new BlastLfpGr250Ah();
        model.addStep(0.5, 50, 0);
        for (int i = 1; i <= 1440; i++) {
            model.addStep(0.5 + 0.1 * Math.sin(i / 100.0), 50, 60);
        }
        model.applyChunk(List.of(model.newCohort()));
        assertThat(model.validityWarnings())
                .anySatisfy(w -> assertThat(w).startsWith("cycling at 50.0..50.0 °C"))
                .anySatisfy(w -> assertThat(w).startsWith("daily depth of discharge down to 0.20"));
    }

    /** Calendar fade grows with temperature, at any SOC. */
    @Property(tries = 500)
    void calendarFadeGrowsWithTemperature(
            @ForAll @DoubleRange(min = -10, max = 60) double celsius,
            @ForAll @DoubleRange(min = 0.1, max = 10) double warmer,
            @ForAll @DoubleRange(min = 0, max = 1) double soc) {
        assertThat(BlastLfpGr250Ah.kCal(celsius + 273.15 + warmer, soc))
                .isGreaterThan(BlastLfpGr250Ah.kCal(celsius + 273.15, soc));
    }
}

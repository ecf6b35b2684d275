package dev.chikuden.optimize.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.aging.AgingRun;
import dev.chikuden.aging.AgingSpec;
import dev.chikuden.aging.DutyProfile;
import dev.chikuden.aging.LifeTable;
import dev.chikuden.battery.Augmentation;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.Conversion;
import dev.chikuden.battery.PowerLimits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LifeProjectionTest {
    /** Calendar fade only: 4 % after a year at 25 °C, growing with the square root of time. */
    private static final AgingSpec CALENDAR =
            new AgingSpec.Table(new LifeTable(new double[][] {{100, 0, 100}, {100, 10_000, 80}}), 0.04, 25, 10);

    private static final double HALF_HOUR_S = 1800;

    private static BatteryParameters battery(AgingSpec aging, double endOfLife, Augmentation augmentation) {
        return new BatteryParameters(
                "b",
                1000,
                500,
                500,
                0,
                1,
                0.5,
                Conversion.simple(1, 1),
                PowerLimits.NONE,
                0,
                null,
                aging,
                endOfLife,
                augmentation,
                null);
    }

    /** A year of half hours at one SOC and 25 °C. */
    private static double[][] restingYear(double soc) {
        double[] s = new double[17_520 + 1];
        Arrays.fill(s, soc);
        double[] c = new double[17_520];
        Arrays.fill(c, 25);
        return new double[][] {s, c};
    }

    @Test
    void cellsAreReplacedInTheYearTheyReachTheirEndOfLife() {
        // 1 - 0.04 sqrt(days / 365) reaches 90 % after 6.25 years: replaced in year 7, and the new cells in year 13
        double[][] duty = restingYear(0.5);
        LifeProjection life =
                LifeProjection.of(battery(CALENDAR, 0.9, Augmentation.NONE), duty[0], duty[1], HALF_HOUR_S, 15);
        assertThat(life.yearsToEndOfLife()).isCloseTo(6.25, within(0.01));
        assertThat(life.sohAfterFirstYear()).isCloseTo(0.96, within(1e-3));
        double[] bought = new double[15];
        bought[6] = 1000;
        bought[12] = 1000;
        assertThat(life.replacementKwhByYear()).containsExactly(bought, within(1e-9));
        assertThat(life.replacementKwh()).isEqualTo(2000);
        // the second set of cells is 2.5 years old at the end: 1 - 0.04 sqrt(2.5)
        assertThat(life.sohAtEnd()).isCloseTo(1 - 0.04 * Math.sqrt(2.5), within(2e-3));
    }

    @Test
    void augmentationRestoresTheNameplateInsteadOfReplacing() {
        // below 95 % after (0.05 / 0.04)^2 = 1.5625 years: cells for the 5 % lost are added in year 2
        double[][] duty = restingYear(0.5);
        LifeProjection life =
                LifeProjection.of(battery(CALENDAR, 0.9, new Augmentation(0.95, 0)), duty[0], duty[1], HALF_HOUR_S, 3);
        assertThat(life.replacementKwhByYear()[0]).isZero();
        assertThat(life.replacementKwhByYear()[1]).isCloseTo(50, within(0.5));
        assertThat(life.yearsToEndOfLife()).isInfinite();
    }

    @Test
    void theFirstYearIsTheAgingModelOnTheYearsDuty() {
        // a daily cycle between 20 % and 80 %, BLAST-Lite cells at 30 °C
        int n = 17_520;
        double[] soc = new double[n + 1];
        double[] temperature = new double[n];
        double[] time = new double[n + 1];
        double[] cells = new double[n + 1];
        soc[0] = 0.2;
        for (int t = 0; t < n; t++) {
            int k = t % 48;
            soc[t + 1] = k < 24 ? 0.2 + 0.6 * (k + 1) / 24 : 0.8 - 0.6 * (k - 23) / 24;
            temperature[t] = 30;
        }
        for (int t = 0; t <= n; t++) {
            time[t] = t * HALF_HOUR_S;
            cells[t] = 30;
        }
        BatteryParameters b = battery(new AgingSpec.Blast(), 0.7, Augmentation.NONE);
        LifeProjection life = LifeProjection.of(b, soc, temperature, HALF_HOUR_S, 2);
        double direct = AgingRun.run(b.aging().create(), new DutyProfile(time, soc, cells), new double[0])
                .end()
                .relativeCapacity();
        assertThat(life.sohAfterFirstYear()).isCloseTo(direct, within(1e-12));
        assertThat(life.sohAtEnd()).isLessThan(life.sohAfterFirstYear());
        // square-root-ish: the second year loses less than the first
        assertThat(life.sohAfterFirstYear() - life.sohAtEnd()).isLessThan(1 - life.sohAfterFirstYear());
    }

    @Test
    void aWeekOfDutyIsRepeatedToFillEachYear() {
        double[] soc = new double[7 * 48 + 1];
        Arrays.fill(soc, 0.5);
        double[] c = new double[7 * 48];
        Arrays.fill(c, 25);
        LifeProjection week = LifeProjection.of(battery(CALENDAR, 0.9, Augmentation.NONE), soc, c, HALF_HOUR_S, 2);
        double[][] year = restingYear(0.5);
        LifeProjection full =
                LifeProjection.of(battery(CALENDAR, 0.9, Augmentation.NONE), year[0], year[1], HALF_HOUR_S, 2);
        assertThat(week.sohAfterFirstYear()).isCloseTo(full.sohAfterFirstYear(), within(1e-12));
        assertThat(week.sohAtEnd()).isCloseTo(full.sohAtEnd(), within(1e-12));
    }

    @Test
    void withoutAnAgingModelNothingWearsOut() {
        double[][] duty = restingYear(0.5);
        LifeProjection life =
                LifeProjection.of(battery(null, 0.8, Augmentation.NONE), duty[0], duty[1], HALF_HOUR_S, 10);
        assertThat(life.sohAtEnd()).isEqualTo(1);
        assertThat(life.yearsToEndOfLife()).isInfinite();
        assertThat(life.replacementKwh()).isZero();
    }
}

package dev.chikuden.optimize.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.site.PlanningSpec;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OutageReportTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /**
     * Four half hours from 23:00 on 30 April (Tokyo): a lossless 100 kW / 200 kWh battery that
     * starts with 100 kWh and ends its periods with 50, 0, 200 and 150 kWh.
     */
    private static DispatchProblem problem() {
        long start = OffsetDateTime.parse("2025-04-30T23:00+09:00").toInstant().toEpochMilli();
        DispatchProblem.Storage s = new DispatchProblem.Storage(100, 100, 1, 1, 0, 200, 100, 0, 0);
        double[] four = new double[4];
        return new DispatchProblem(
                start,
                1_800_000,
                new double[] {100, 100, 100, 100},
                new double[] {10, 10, 10, 10},
                four,
                four,
                Double.POSITIVE_INFINITY,
                s,
                null,
                null);
    }

    private static DispatchSolution solution() {
        double[] four = new double[4];
        return new DispatchSolution(
                "test",
                4,
                four,
                four,
                new double[] {50, 0, 200, 150},
                four,
                four,
                new double[4],
                new double[0][],
                new double[0],
                new double[0],
                new DispatchSolution.Costs(0, 0, 0, 0, 0, 0),
                0,
                0,
                0,
                0);
    }

    @Test
    void anOutageFromEachPeriodStartsWithWhatThePreviousPeriodLeft() {
        // 100 kW critical load, no PV: 100, 50, 0 and 200 kWh at the starts carry it 1, 0.5, 0 and 2 h
        OutageReport r = OutageReport.of(
                new PlanningSpec.OutageSpec(100, new double[] {0.5, 1, 4}),
                TOKYO,
                problem(),
                solution(),
                0,
                new double[4]);
        assertThat(r.backupHours()).containsExactly(new double[] {1, 0.5, 0, 2}, within(1e-9));
        assertThat(r.survivalProbability()).containsExactly(new double[] {0.75, 0.5, 0}, within(1e-12));
        assertThat(r.meanBackupHours()).isCloseTo(0.875, within(1e-9));
        assertThat(r.minBackupHours()).isZero();
        assertThat(r.maxOutageHours()).isEqualTo(24);
        assertThat(r.months())
                .containsExactly(
                        new OutageReport.Month(YearMonth.of(2025, 4), 0.5, 0.75),
                        new OutageReport.Month(YearMonth.of(2025, 5), 0, 1));
    }

    @Test
    void pvCarriesTheLoadWhereItCanAndTheSocMinimumIsNeverUsed() {
        // PV covers the third period; 20 kWh at the SOC minimum are held back
        OutageReport r = OutageReport.of(
                new PlanningSpec.OutageSpec(100, new double[] {1, 2}), TOKYO, problem(), solution(), 0, new double[] {
                    0, 0, 100, 0
                });
        assertThat(r.backupHours()).containsExactly(new double[] {1.5, 1.0, 0.5, 2.5}, within(1e-9));
        assertThat(r.survivalProbability()).containsExactly(new double[] {0.75, 0.25}, within(1e-12));
        assertThat(r.months()).extracting(OutageReport.Month::meanBackupHours).containsExactly(1.25, 1.5);
        OutageReport floor = OutageReport.of(
                new PlanningSpec.OutageSpec(100, new double[] {1}), TOKYO, problem(), solution(), 20, new double[4]);
        assertThat(floor.backupHours()).containsExactly(new double[] {0.8, 0.3, 0, 1.8}, within(1e-9));
    }

    @Test
    void theJsonFigures() {
        OutageReport.Figures f = OutageReport.of(
                        new PlanningSpec.OutageSpec(100, new double[] {1, 30}),
                        TOKYO,
                        problem(),
                        solution(),
                        0,
                        new double[4])
                .figures();
        assertThat(f.maxOutageHours()).isEqualTo(30.0);
        assertThat(f.survival())
                .containsExactly(new OutageReport.Survival(1.0, 0.5), new OutageReport.Survival(30.0, 0.0));
        assertThat(f.months().get(0)).isEqualTo(new OutageReport.MonthFigures("2025-04", 0.5, 0.75));
    }

    @Test
    void aSiteWithoutAnOutageSectionIsBadInput() throws Exception {
        var site = dev.chikuden.site.SiteConfigReader.read(
                java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("site", ".yaml"), """
                        name: no outage
                        grid: {contract: 1 MW}
                        loads: [{name: flat, type: profile, base: 500 kW}]
                        study: {start: 2025-04-07, duration: 1 d, step: 30 min}
                        """));
        assertThatThrownBy(() -> OutageReport.of(site, problem(), solution()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("outage:")
                .hasMessageContaining("criticalLoad");
    }
}

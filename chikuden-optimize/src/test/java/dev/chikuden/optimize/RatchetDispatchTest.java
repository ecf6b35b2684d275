package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.tariff.MonthlyBill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LP of a site the bill ratchets plans against the contracts the bill will charge: a site under
 * 500 kW on {@code grid.contract: auto} is a ratchet though its tariff says agreed, and each month's
 * contract starts from the months before the study as the bill takes them.
 */
class RatchetDispatchTest {
    @TempDir
    Path dir;

    /** A factory peaking at about {@code peak} kW in August, less in June and July; June to August 2025. */
    private SiteConfig factory(String peak) throws IOException {
        return SiteConfigReader.read(Files.writeString(dir.resolve("factory.yaml"), """
                name: Factory
                loads:
                  - name: plant
                    type: production-schedule
                    base: 50 kW
                    shifts:
                      weekdays: [{from: 08:00, to: 17:00, power: PEAK}]
                    monthly: [1, 1, 1, 1, 1, 0.8, 0.9, 1, 1, 1, 1, 1]
                batteries:
                  - energy: 200 kWh
                    power: 50 kW
                    soc: {min: 10 %, max: 90 %, initial: 50 %}
                study: {start: 2025-06-01, duration: 92 d, step: 30 min}
                strategy: {type: peak-shaving, dischargeAbove: 1 MW, chargeBelow: 0 kW}
                tariff:
                  preset: kansai-high-voltage-as
                  marketPriceAdjustment: off
                """.replace("PEAK", peak)));
    }

    /**
     * Each month's contract without battery, as the bill sets it, is the LP's ratchet floor (the
     * history's months among its 12) or a study month's peak up to it, whichever is larger; the
     * LP's own bill without battery is the bill's.
     */
    @Test
    void underFiveHundredKwTheLpRatchetsFromTheBillsHistory() throws IOException {
        SiteConfig site = factory("300 kW");
        Optimization o = Optimization.of(site, 0, Solver.HIGHS, false, null, null);
        DispatchProblem.DemandCharge dc = o.problem().demand();
        assertThat(dc.mode()).isEqualTo(ContractMode.RATCHET);
        List<MonthlyBill> bill = o.baseline().bill().bill().months();
        assertThat(bill).hasSize(3);
        double studyPeak = 0;
        for (int m = 0; m < 3; m++) {
            studyPeak = Math.max(studyPeak, bill.get(m).maxDemandKw());
            assertThat(Math.max(dc.ratchetFloorKw()[m], studyPeak))
                    .as("month %d", m)
                    .isCloseTo(bill.get(m).contractKw(), offset(1e-6));
        }
        // August's 300 kW: last August, in every month's window, as the bill's history repeats it
        assertThat(dc.ratchetFloorKw()).containsOnly(bill.get(2).maxDemandKw());
        assertThat(o.lpWithoutBattery().costs().billYen())
                .isCloseTo(o.baseline().bill().totalYen(), withinPercentage(0.001));
    }

    @Test
    void fromFiveHundredKwTheAutoContractIsOneTheLpChooses() throws IOException {
        DispatchProblem p = SiteDispatch.problem(factory("600 kW"), 0);
        assertThat(p.demand().mode()).isEqualTo(ContractMode.OPTIMISED);
        assertThat(p.demand().ratchetFloorKw()).containsOnly(0);
    }
}

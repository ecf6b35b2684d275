package dev.chikuden.optimize.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.fixtures.TwoPriceSite;
import dev.chikuden.optimize.Solver;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shape of sizing grid on a battery with the full model (the lfp-container preset: PCS curve,
 * tapers, HVAC): each size dispatched, played through the battery model and ranked by what it
 * delivered. Sizes whose efficiencies are a rounding apart (2 and 2.2 MWh at 1 MW) once failed the
 * resize of the row's model.
 */
class SizingGridTest {
    static final String SITE = """
            name: Grid shapes
            timeZone: Asia/Tokyo
            grid: {contract: auto, voltage: high, frequency: 60}
            loads:
              - {name: plant, type: profile, base: 1500 kW, noise: 2 %, seed: 3,
                 daily: [0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.3,
                         1.3, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 0.7, 0.7]}
            batteries: [{name: b, preset: lfp-container, energy: 2 MWh, power: 1 MW}]
            ambient: {temperature: 30 °C}
            study: {start: 2025-07-07, duration: 3 d, step: 30 min}
            strategy: {type: idle}
            tariff: {preset: kansai-high-voltage-as-tou, powerFactor: 100 %, marketPriceAdjustment: off}
            finance: {capexYenPerKwh: 60000, capexYenPerKw: 20000, discountRate: 5 %, years: 15}
            """;

    @TempDir
    Path dir;

    private SizingResult sweep(double[] powerKw, double[] energyKwh) {
        SiteConfig site = TwoPriceSite.write(dir, SITE);
        return SizingSweep.run(site, powerKw, energyKwh, false, Solver.CLP, 2);
    }

    private static void rankedByDelivered(SizingResult r) {
        for (Candidate c : r.candidates()) {
            assertThat(c.feasible()).as("%s", c).isTrue();
            assertThat(c.delivered()).as("%s", c).isNotNull();
            assertThat(c.delivery().savingYen()).as("%s", c).isFinite();
        }
        Candidate best = r.candidates().stream()
                .max(Comparator.comparingDouble(c -> c.delivered().npvYen()))
                .orElseThrow();
        assertThat(r.bestCandidate()).isSameAs(best);
        assertThat(r.best().site().batteries().get(0).energyKwh()).isEqualTo(best.energyKwh());
    }

    @Test
    void oneSize() {
        SizingResult r = sweep(new double[] {1000}, new double[] {2000});
        assertThat(r.candidates()).hasSize(1);
        rankedByDelivered(r);
    }

    @Test
    void onePowerManyEnergiesARoundingApart() {
        SizingResult r = sweep(new double[] {1000}, new double[] {2000, 2200, 4000});
        assertThat(r.candidates()).extracting(Candidate::energyKwh).containsExactly(2000.0, 2200.0, 4000.0);
        rankedByDelivered(r);
    }

    @Test
    void manyPowersOneEnergy() {
        SizingResult r = sweep(new double[] {500, 1000, 2000}, new double[] {2000});
        assertThat(r.candidates()).extracting(Candidate::powerKw).containsExactly(500.0, 1000.0, 2000.0);
        rankedByDelivered(r);
    }

    @Test
    void anIrregularGridInTheOrderGiven() {
        SizingResult r = sweep(new double[] {2000, 700}, new double[] {4000, 2000, 2200});
        assertThat(r.candidates())
                .extracting(Candidate::powerKw, Candidate::energyKwh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2000.0, 4000.0),
                                org.assertj.core.groups.Tuple.tuple(2000.0, 2000.0),
                        org.assertj.core.groups.Tuple.tuple(2000.0, 2200.0),
                                org.assertj.core.groups.Tuple.tuple(700.0, 4000.0),
                        org.assertj.core.groups.Tuple.tuple(700.0, 2000.0),
                                org.assertj.core.groups.Tuple.tuple(700.0, 2200.0));
        rankedByDelivered(r);
    }

    @Test
    void ofMoreThanAHundredSizesTheTenBestByTheLpAreSimulatedAndTheBestIsAmongThem() {
        double[] power =
                IntStream.rangeClosed(1, 11).mapToDouble(i -> 200.0 * i).toArray();
        double[] energy =
                IntStream.rangeClosed(1, 10).mapToDouble(i -> 500.0 * i).toArray();
        SizingResult r = sweep(power, energy);
        assertThat(r.candidates()).hasSize(110);
        assertThat(r.simulated()).isEqualTo(SizingSweep.SIMULATE_BEST);
        List<Candidate> byLp = r.candidates().stream()
                .filter(Candidate::feasible)
                .sorted(Comparator.comparingDouble((Candidate c) -> c.lp().npvYen())
                        .reversed())
                .toList();
        for (int k = 0; k < byLp.size(); k++) {
            assertThat(byLp.get(k).delivered() != null)
                    .as("rank %d by the LP", k)
                    .isEqualTo(k < SizingSweep.SIMULATE_BEST);
        }
        Candidate best = r.candidates().stream()
                .filter(c -> c.delivered() != null)
                .max(Comparator.comparingDouble(c -> c.delivered().npvYen()))
                .orElseThrow();
        assertThat(r.bestCandidate()).isSameAs(best);
    }
}

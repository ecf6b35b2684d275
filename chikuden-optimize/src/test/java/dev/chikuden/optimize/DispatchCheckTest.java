package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The LP's bill against the tariff engine's bill of the dispatch played through the battery model. */
class DispatchCheckTest {
    static SiteConfig touWeek() throws URISyntaxException {
        return SiteConfigReader.read(Path.of(DispatchCheckTest.class.getResource("tou-week.yaml").toURI()));
    }

    @Test
    void aReservoirBatteryCostsWhatTheLpSaid() throws Exception {
        SiteConfig site = touWeek();
        DispatchProblem p = SiteDispatch.problem(site, 0);
        DispatchSolution s;
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            s = m.solve();
        }
        DispatchCheck check = DispatchCheck.of(site, p, s);
        // The LP is exact for a reservoir: what is left is the bill's rounding to whole yen per item.
        assertThat(check.simulatedBillYen()).isCloseTo(check.lpBillYen(), within(20.0));
        assertThat(check.scheduleShortfallKwh()).isLessThan(1e-6 * check.scheduledKwh());
        // The battery did work: it shaved the peak and moved energy into the night band.
        assertThat(check.scheduledKwh()).isGreaterThan(5_000);
        assertThat(s.contractKw()).isLessThan(1400 - 100);
    }

    @Test
    void theBatteryLowersTheBillBelowTheSiteWithoutOne() throws Exception {
        SiteConfig site = touWeek();
        DispatchProblem p = SiteDispatch.problem(site, 0);
        double with;
        double without;
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            with = m.solve().costs().objectiveYen();
        }
        try (DispatchModel m = new DispatchModel(p.withStorage(null), Solver.HIGHS, false)) {
            without = m.solve().costs().objectiveYen();
        }
        assertThat(with).isLessThan(without);
    }
}

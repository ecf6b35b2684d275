package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the bundled examples' comments promise happens when they run. */
class ExampleClaimsTest {
    /** sakai-15-years.yaml: SOH below 93 % in year 10, cells added then, no end of life in 15 years. */
    @Test
    void fifteenYearsAugmentInYearTenAndNeverReachTheEndOfLife() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run(
                "plan", Repository.examples().resolve("sakai-15-years.yaml").toString(), "--no-files", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(r.out());
        assertThat(f.get("augmentations")).singleElement().satisfies(a -> {
            assertThat(a.get("year").asInt()).isEqualTo(10);
            assertThat(a.get("stateOfHealthBefore").asDouble()).isLessThan(0.93);
        });
        assertThat(f.get("years").get(8).get("stateOfHealth").asDouble()).isGreaterThan(0.93);
        assertThat(f.get("endOfLifeYear").isNull()).isTrue();
        assertThat(f.get("withBattery").get("equivalentFullCycles").asDouble()).isBetween(30.0, 36.0);
    }
}

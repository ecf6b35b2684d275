package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One baseline: for every bundled example with a tariff, {@code plan} and {@code optimize} print the
 * same bill without battery, to the yen, and the same contract for it ({@code size} is held to
 * {@code optimize}'s in {@link SizeExamplesTest}).
 */
class BaselineAgreementTest {
    static java.util.stream.Stream<Path> examplesWithATariff() throws IOException {
        return OptimizeExamplesTest.examplesWithATariff();
    }

    @ParameterizedTest
    @MethodSource("examplesWithATariff")
    void planAndOptimizeBillTheCaseWithoutBatteryAlike(Path example) throws IOException {
        PlanCommandTest.Run plan = PlanCommandTest.run("plan", example.toString(), "--no-files", "--json", "--quiet");
        assertThat(plan.exit()).as(plan.err()).isZero();
        PlanCommandTest.Run optimize =
                PlanCommandTest.run("optimize", example.toString(), "--no-check", "--json", "--quiet");
        assertThat(optimize.exit()).as(optimize.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(plan.out()).get("withoutBattery");
        JsonNode o = new ObjectMapper().readTree(optimize.out()).get("withoutBattery");
        assertThat(o.get("billYen").asLong())
                .as(example.getFileName().toString())
                .isEqualTo(p.get("billYen").asLong());
        assertThat(o.get("contractKw").asDouble()).isEqualTo(p.get("contractKw").asDouble());
    }
}

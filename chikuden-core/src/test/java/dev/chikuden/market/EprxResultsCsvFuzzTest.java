package dev.chikuden.market;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chikuden.BadInputException;
import dev.chikuden.fixtures.FuzzOutcome;

/**
 * Any bytes as an EPRX results file, a CSV or a zip (its first bytes decide): Kansai prices of the
 * product the file names, without Infinity (NaN marks a missing slot), or a {@link BadInputException}.
 */
class EprxResultsCsvFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void read(byte[] input) {
        FuzzOutcome.resultOr(
                BadInputException.class,
                () -> EprxResultsCsv.read(FuzzOutcome.file("eprx_results.csv", input), "kansai", null));
    }
}

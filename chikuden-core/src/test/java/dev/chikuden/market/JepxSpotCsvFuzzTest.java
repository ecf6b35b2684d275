package dev.chikuden.market;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chikuden.BadInputException;
import dev.chikuden.fixtures.FuzzOutcome;

/** Any bytes as a JEPX spot file: Kansai prices without Infinity (NaN marks a missing slot), or a {@link BadInputException}. */
class JepxSpotCsvFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void read(byte[] input) {
        FuzzOutcome.resultOr(
                BadInputException.class,
                () -> JepxSpotCsv.read(FuzzOutcome.file("spot_summary_2024.csv", input), "kansai"));
    }
}

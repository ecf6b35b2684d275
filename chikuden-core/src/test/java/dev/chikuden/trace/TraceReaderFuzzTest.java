package dev.chikuden.trace;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chikuden.BadInputException;
import dev.chikuden.fixtures.FuzzOutcome;
import dev.chikuden.time.FixedStepSeries;
import java.time.ZoneId;
import java.util.Arrays;
import org.assertj.core.api.Assertions;

/**
 * Any bytes as a trace, read as power and as plain values, then put on the half-hour grid and on its
 * own step: a trace and series without NaN or Infinity, or a {@link BadInputException}.
 */
class TraceReaderFuzzTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @FuzzTest(maxDuration = "5m")
    void power(byte[] input) {
        readAndGrid(input, TraceOptions.power(TOKYO));
    }

    @FuzzTest(maxDuration = "5m")
    void values(byte[] input) {
        readAndGrid(input, TraceOptions.values(TOKYO));
    }

    private static void readAndGrid(byte[] input, TraceOptions options) {
        Trace trace = FuzzOutcome.resultOr(
                BadInputException.class, () -> TraceReader.read(FuzzOutcome.file("trace.csv", input), options));
        if (trace == null) {
            return;
        }
        allFinite(trace.values(), "the trace's values");
        FixedStepSeries halfHours = FuzzOutcome.resultOr(BadInputException.class, () -> trace.onGrid(0, 1_800_000));
        FixedStepSeries natural = FuzzOutcome.resultOr(BadInputException.class, () -> trace.onNaturalGrid(TOKYO));
        for (FixedStepSeries s : Arrays.asList(halfHours, natural)) {
            if (s != null) {
                allFinite(s.values(), "the series on the grid");
            }
        }
    }

    private static void allFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            Assertions.assertThat(Double.isFinite(values[i]))
                    .as(what + " [" + i + "] = " + values[i])
                    .isTrue();
        }
    }
}

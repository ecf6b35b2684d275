package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.optimize.DispatchProblem.ContractMode;
import org.junit.jupiter.api.Test;

class DemandTrackerTest {
    static final long TEN_MIN = 600_000;

    @Test
    void eachMonthKeepsTheLargestMeanImportOfItsCompletedSlots() {
        DemandTracker d = new DemandTracker(HorizonTest.study(ContractMode.FIXED));
        d.add(0, TEN_MIN, 100);
        d.add(TEN_MIN, TEN_MIN, 200);
        d.add(2 * TEN_MIN, TEN_MIN, -300); // an export does not run the import register back
        d.add(3 * TEN_MIN, 3 * TEN_MIN, 50);
        long month1 = 48 * 3 * TEN_MIN;
        d.add(month1, 3 * TEN_MIN, 900);
        d.add(month1 + 3 * TEN_MIN, TEN_MIN, 5000); // a slot not yet complete counts nowhere
        assertThat(d.monthPeakKw()[0]).isCloseTo(100, offset(1e-9));
        assertThat(d.monthPeakKw()[1]).isCloseTo(900, offset(1e-9));
    }
}

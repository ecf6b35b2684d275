package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferSheetTest {
    @Test
    void oneRowPerOfferedBlockInEprxUnitsAddingUpToTheReserveRevenue() {
        int n = MarketCoOptimisationTest.DAY;
        double[] max = Problems.constant(n, 800);
        java.util.Arrays.fill(max, 0, 6, 0); // not offered 00:00-03:00
        ReserveMarket threeHour =
                new ReserveMarket("tertiary-1", "balancing", Problems.constant(n, 6), 3, 6, max, 0, new double[n]);
        Storage s = new Storage(1000, 1000, 0.95, 0.95, 0, 4000, 3000, 3000, 0);
        DispatchProblem p = MarketCoOptimisationTest.gridBattery(Problems.constant(n, 15), s, List.of(threeHour), null);
        DispatchSolution sol = MarketCoOptimisationTest.solve(p);
        String[] rows =
                OfferSheet.csv(p, sol.offerKw(), ZoneId.of("Asia/Tokyo")).split("\n");
        assertThat(rows[0]).isEqualTo(OfferSheet.HEADER);
        assertThat(rows).hasSize(1 + 7);
        assertThat(rows[1])
                .as("800 kW is below EPRX's 1 MW minimum")
                .isEqualTo("1970-01-01T12:00:00+09:00,1970-01-01T15:00:00+09:00,tertiary-1,800,true,3.00,14400");
        double total = 0;
        for (int i = 1; i < rows.length; i++) {
            total += Double.parseDouble(rows[i].substring(rows[i].lastIndexOf(',') + 1));
        }
        assertThat(total).isCloseTo(sol.costs().reserveRevenueYen(), within(7.0)); // whole yen per row
        assertThat(sol.costs().reserveRevenueYen()).isCloseTo(7 * 3 * 800 * 6, within(1e-3));
    }
}

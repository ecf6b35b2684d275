package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.market.BalancingProduct;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.site.MarketsSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketOffersTest {
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    static MarketsSpec offering(String product, double yenPer30min) {
        double[] perDay = new double[48];
        Arrays.fill(perDay, yenPer30min);
        return new MarketsSpec(
                List.of(new MarketsSpec.BalancingOffer(
                        BalancingProduct.named(product), perDay, null, 5000, 0, 0, Double.NaN)),
                null,
                null);
    }

    static long midnight(LocalDate day) {
        return day.atStartOfDay(JST).toInstant().toEpochMilli();
    }

    @Test
    void aStudyAcrossTheChangeTo30MinuteBlocksHasTwoProductsEachOfferedOnlyInItsOwnDays() {
        // 2026-03-12 .. 2026-03-15: tertiary-1 cleared in 3-hour blocks with a 3-hour duration until
        // 2026-03-13, then in 30-minute blocks with a 30-minute duration
        long start = midnight(LocalDate.of(2026, 3, 12));
        List<ReserveMarket> r =
                MarketOffers.reserves(offering("tertiary-1", 5), Path.of("t.yaml"), JST, start, 1_800_000, 4 * 48);
        assertThat(r).hasSize(2);
        ReserveMarket before = r.get(0);
        ReserveMarket after = r.get(1);
        assertThat(before.blockPeriods()).isEqualTo(6);
        assertThat(before.durationHours()).isEqualTo(3);
        assertThat(after.blockPeriods()).isEqualTo(1);
        assertThat(after.durationHours()).isEqualTo(0.5);
        for (int t = 0; t < 4 * 48; t++) {
            boolean early = t < 2 * 48;
            assertThat(before.maxKw()[t]).as("period " + t).isEqualTo(early ? 5000 : 0);
            assertThat(after.maxKw()[t]).as("period " + t).isEqualTo(early ? 0 : 5000);
            assertThat((early ? before : after).priceYenPerKwH()[t])
                    .as("5 yen per ΔkW per 30 min is 10 per ΔkW·h")
                    .isEqualTo(10);
        }
    }

    @Test
    void aPriceAboveTheCapOfItsDeliveryPeriodIsBadInput() {
        // secondary-1's cap is 10 yen/ΔkW per 30 min from 2026-09-01
        long start = midnight(LocalDate.of(2026, 9, 1));
        assertThatThrownBy(() -> MarketOffers.reserves(
                        offering("secondary-1", 12), Path.of("t.yaml"), JST, start, 1_800_000, 48))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("markets.balancing[0]")
                .hasMessageContaining("above secondary-1's price cap of 10.0 for delivery from 2026-09-01");
        assertThat(MarketOffers.reserves(
                        offering("secondary-1", 12),
                        Path.of("t.yaml"),
                        JST,
                        midnight(LocalDate.of(2025, 9, 1)),
                        1_800_000,
                        48))
                .as("under 2025's cap of 19.51")
                .hasSize(1);
    }

    @Test
    void aStudyOffTheBlockGridIsBadInput() {
        long start = midnight(LocalDate.of(2025, 6, 1)) + 3_600_000;
        assertThatThrownBy(() ->
                        MarketOffers.reserves(offering("tertiary-1", 5), Path.of("t.yaml"), JST, start, 1_800_000, 48))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("study.start: 01:00 is not on a boundary of tertiary-1's 180-minute blocks");
    }
}

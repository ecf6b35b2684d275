package dev.chikuden.tariff;

import static dev.chikuden.tariff.BillCalculatorTest.HALF_HOUR;
import static dev.chikuden.tariff.BillCalculatorTest.bill;
import static dev.chikuden.tariff.BillCalculatorTest.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Low-voltage bills (従量電灯A: minimum charge, three tiers, a monthly discount) against hand arithmetic. */
class LowVoltageBillTest {
    /** June 2025 at 0.6 kW: 432 kWh crosses every tier; fuel-cost adjustment 1.50 yen/kWh, levy FY2025. */
    @Test
    void aMonthCrossingEveryTier() {
        Bill b = bill(
                Tariffs.dentoA(Map.of(YearMonth.of(2025, 6), 1.50)),
                flat("2025-06-01T00:00", HALF_HOUR, 30 * 48, 0.6),
                null);
        // 432 kWh: minimum 522.58 (first 15 kWh) + 105 x 20.21 = 2,122.05 + 180 x 25.61 = 4,609.80
        // + 132 x 28.59 = 3,773.88 -> 11,028.31; fuel 432 x 1.50 = 648; levy 432 x 3.98 = 1,719.36
        double energy = 522.58 + 105 * 20.21 + 180 * 25.61 + 132 * 28.59;
        assertThat(energy).isCloseTo(11_028.31, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.lineItemsYen())
                .containsExactly(
                        entry("basicChargeYen", 0L),
                        entry("energyChargeYen", 11_028L),
                        entry("fuelCostAdjustmentYen", 648L),
                        entry("accountTransferDiscountYen", -55L),
                        entry("renewableLevyYen", 1_719L));
        assertThat(b.totalYen()).isEqualTo(11_028 + 648 - 55 + 1_719);
        assertThat(b.warnings()).isEmpty();
    }

    /** Kansai's own worked example (kepco.jp, 従量電灯A): 260 kWh with the discount is 6,175 yen before fuel and levy. */
    @Test
    void kansaisWorkedExample() {
        Bill b = bill(Tariffs.dentoA(Map.of()), flat("2025-06-01T00:00", HALF_HOUR, 30 * 48, 260.0 / 720), null);
        // 522.58 + 105 x 20.21 + 140 x 25.61 = 6,230.03; the bill drops the fraction once, not per tier
        assertThat(b.lineItemsYen().get("energyChargeYen") + b.lineItemsYen().get("accountTransferDiscountYen"))
                .isEqualTo(6_175L);
    }

    /** Below the minimum the month pays the minimum charge alone (beside per-kWh items). */
    @Test
    void aMonthWithinTheMinimum() {
        Bill b = bill(Tariffs.dentoA(Map.of()), flat("2025-06-01T00:00", HALF_HOUR, 30 * 48, 10.0 / 720), null);
        assertThat(b.lineItemsYen()).containsEntry("energyChargeYen", 522L);
    }

    /**
     * 16-30 June 2025 at 0.5 kW: 180 kWh in half the month. The minimum charge, the discount and every
     * tier width are halved, as the basic charge of a partial month is (MonthlyBill.coveredFraction).
     */
    @Test
    void aPartialMonthProratesTheMinimumTheTiersAndTheDiscount() {
        Bill b = bill(Tariffs.dentoA(Map.of()), flat("2025-06-16T00:00", HALF_HOUR, 15 * 48, 0.5), null);
        // tiers start at 7.5 kWh and end at 60 and 150 kWh: 261.29 + 52.5 x 20.21 = 1,061.025
        // + 90 x 25.61 = 2,304.90 + 30 x 28.59 = 857.70 -> 4,484.915; discount -27.50; levy 180 x 3.98 = 716.40
        assertThat(b.months()).singleElement().satisfies(m -> {
            assertThat(m.coveredFraction()).isEqualTo(0.5);
            assertThat(m.importKwh()).isCloseTo(180, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(b.lineItemsYen())
                .containsEntry("energyChargeYen", 4_484L)
                .containsEntry("accountTransferDiscountYen", -27L)
                .containsEntry("renewableLevyYen", 716L);
        assertThat(b.totalYen()).isEqualTo(4_484 - 27 + 716);
    }
}

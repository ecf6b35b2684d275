package dev.chikuden.tariff;

import static dev.chikuden.tariff.BillCalculatorTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.time.FixedStepSeries;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class BillPropertiesTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /**
     * Over 40 days at 1-hour steps across a month boundary (excess, ratchet, bands, export sale),
     * raising any one step's grid power never lowers the bill, except by the truncation of line
     * items to whole yen (as Japanese bills truncate each item): a negative item (here the fuel-cost
     * adjustment and the export sale) can cross a yen boundary downwards while the energy charge does
     * not cross one upwards, at most 1 yen per negative item per month (jqwik found 1 yen).
     */
    @Property(tries = 60)
    void theBillNeverDecreasesWhenDemandIncreases(
            @ForAll("demands") double[] kw,
            @ForAll @IntRange(min = 0, max = 959) int step,
            @ForAll @DoubleRange(min = 0.01, max = 400) double more,
            @ForAll boolean ratchet) {
        Tariff base = ratchet ? Tariffs.ratchet(0) : Tariffs.timeOfUse(Set.of(LocalDate.of(2025, 8, 11)));
        Tariff t = new Tariff(
                base.name(),
                base.taxIncluded(),
                0.10,
                base.basicChargeYenPerKwMonth(),
                base.contract(),
                0.95,
                base.summerMonths(),
                base.energyBands(),
                null,
                Map.of(YearMonth.of(2025, 7), -1.5, YearMonth.of(2025, 8), 0.5),
                null,
                base.renewableLevy(),
                base.subsidies(),
                new Tariff.ExportSale(false, 8.0),
                base.restDays(),
                base.holidays(),
                base.nationalHolidays(),
                base.holidayDates(),
                null,
                null,
                Map.of());
        double[] raised = kw.clone();
        raised[step] += more;
        long before = bill(t, kw);
        long after = bill(t, raised);
        int negativeItemsPerMonth = 2;
        int months = 2;
        assertThat(after).isGreaterThanOrEqualTo(before - (long) negativeItemsPerMonth * months);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<double[]> demands() {
        return net.jqwik.api.Arbitraries.doubles()
                .between(-200, 800)
                .array(double[].class)
                .ofSize(960);
    }

    private static long bill(Tariff t, double[] kw) {
        FixedStepSeries s = new FixedStepSeries(at("2025-07-15T00:00"), 3_600_000L, kw);
        return new BillCalculator(t, TOKYO, null)
                .bill(BillingMeter.of(s, TOKYO))
                .totalYen();
    }
}

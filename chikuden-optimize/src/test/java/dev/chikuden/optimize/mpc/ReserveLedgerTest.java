package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked steps of the ledger: a 1 MW / 2 MWh battery (floor 200 kWh, 90 % discharge
 * efficiency) has sold 400 kW of a 30-minute product at 10 yen per kW-hour, 5 % activated at 30
 * yen/kWh, over two half-hour periods; energy costs 12 yen/kWh.
 */
class ReserveLedgerTest {
    static final double SOLD = 400;

    static DispatchProblem truth(double[] held) {
        int n = 2;
        double[] price = {12, 12};
        double[] unlimited = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        ReserveMarket r = new ReserveMarket(
                "tertiary-2",
                "balancing",
                new double[] {10, 10},
                0.5,
                1,
                new double[] {SOLD, SOLD},
                0.05,
                new double[] {30, 30});
        return new DispatchProblem(
                0,
                1_800_000,
                new double[n],
                price,
                price,
                unlimited,
                Double.POSITIVE_INFINITY,
                new Storage(1000, 1000, 0.9, 0.9, 200, 2000, 1000, 1000, 0),
                null,
                List.of(r),
                new double[n],
                held,
                Double.POSITIVE_INFINITY);
    }

    static BatteryView battery(double storedKwh, double maxDischargeKw) {
        return new BatteryView() {
            @Override
            public double soc() {
                return storedKwh / 2000;
            }

            @Override
            public double storedEnergyKwh() {
                return storedKwh;
            }

            @Override
            public double capacityKwh() {
                return 2000;
            }

            @Override
            public double socMin() {
                return 0.1;
            }

            @Override
            public double socMax() {
                return 1;
            }

            @Override
            public double stateOfHealth() {
                return 1;
            }

            @Override
            public double auxiliaryKw() {
                return 0;
            }

            @Override
            public double cellTemperatureC() {
                return 25;
            }

            @Override
            public double maxDischargeKw(double stepS) {
                return maxDischargeKw;
            }

            @Override
            public double maxChargeKw(double stepS) {
                return 1000;
            }
        };
    }

    static ReserveLedger ledger(double[] held) {
        double[][] sold = {{SOLD, SOLD}};
        return new ReserveLedger(truth(held), sold, 1000, java.time.ZoneOffset.UTC);
    }

    @Test
    void anOfferKeptAvailableIsPaidWhole() {
        ReserveLedger l = ledger(null);
        // discharging 620 kW of which 20 kW is the offer's own expected activation (5 % of 400):
        // 1,000 - 600 leaves the 400 kW sold
        l.before(battery(1000, 1000), 1800);
        l.after(0, 620, -620, 1800);
        ReserveSales.Product p = l.sales().products().get(0);
        assertThat(p.soldKwH()).isEqualTo(200);
        assertThat(p.honouredKwH()).isEqualTo(200);
        assertThat(p.capacityYen()).isCloseTo(2000, within(1e-9)); // 200 kW-h x 10
        assertThat(p.activationKwh()).isCloseTo(10, within(1e-9)); // 5 % of 200
        assertThat(p.activationYen()).isCloseTo(300, within(1e-9));
        assertThat(l.sales().activationBillYen())
                .as("exported: at the export price")
                .isCloseTo(120, within(1e-9));
    }

    @Test
    void anOfferWithoutItsHeadroomIsPaidForTheShareLeft() {
        ReserveLedger l = ledger(null);
        // 820 kW beside the activation: 180 of the 400 kW sold are left
        l.before(battery(1000, 1000), 1800);
        l.after(0, 840, -840, 1800);
        ReserveSales.Product p = l.sales().products().get(0);
        assertThat(p.honouredKwH()).isCloseTo(200 * 180 / 400.0, within(1e-9));
        assertThat(p.capacityYen()).isCloseTo(900, within(1e-9));
        assertThat(l.sales().honouredShare()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void anOfferWithoutItsEnergyIsPaidForTheShareCovered() {
        ReserveLedger l = ledger(null);
        // 400 kW for 0.5 h at 90 % needs 222.2 kWh above the floor of 200; 111.1 are there
        l.before(battery(200 + 400 * 0.5 / 0.9 / 2, 1000), 1800);
        l.after(0, 20, -20, 1800);
        assertThat(l.sales().products().get(0).honouredKwH()).isCloseTo(100, within(1e-9));
    }

    @Test
    void theCapacityDutyCountsTheHoursItsEnergyWasShort() {
        // the contract holds 900 kWh above the floor from the end of period 0 on
        ReserveLedger l = ledger(new double[] {900, 900});
        l.before(battery(200 + 1000, 1000), 1800);
        l.after(1, 20, -20, 1800);
        l.before(battery(200 + 800, 1000), 1800);
        l.after(1, 20, -20, 1800);
        ReserveSales s = l.sales();
        assertThat(s.tightWindowHours()).isEqualTo(1.0);
        assertThat(s.tightWindowShortHours()).isEqualTo(0.5);
        // the second step: 800 above the floor, 900 held: nothing left for the offer
        assertThat(s.products().get(0).honouredKwH()).isCloseTo(200 * (1000 - 900) / (400 * 0.5 / 0.9), within(1e-9));
        assertThat(s.contractedKw()).isEqualTo(1000);
    }
}

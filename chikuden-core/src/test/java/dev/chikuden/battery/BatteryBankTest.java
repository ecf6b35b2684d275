package dev.chikuden.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryBankTest {
    @Test
    void sharesARequestInProportionToHeadroom() {
        BatterySystem big = new BatterySystem(BatteryParameters.reservoir("big", 4000, 1000, 1000, 1, 1, 0, 1, 0.5, 0));
        BatterySystem small =
                new BatterySystem(BatteryParameters.reservoir("small", 1000, 250, 250, 1, 1, 0, 1, 0.5, 0));
        Battery bank = BatteryBank.of(List.of(big, small));
        assertThat(bank.maxDischargeKw(60)).isEqualTo(1250);
        assertThat(bank.apply(500, 3600)).isCloseTo(500, offset(1e-9));
        assertThat(big.ledger().acDischargedKwh()).isCloseTo(400, offset(1e-9));
        assertThat(small.ledger().acDischargedKwh()).isCloseTo(100, offset(1e-9));
        assertThat(bank.soc()).isCloseTo((1600 + 400) / 5000.0, offset(1e-12));
        assertThat(bank.ledger().acDischargedKwh()).isCloseTo(500, offset(1e-9));
    }

    @Test
    void aUnitThatIsEmptyIsNotAskedAndTheOthersCarryTheRequest() {
        BatterySystem empty = new BatterySystem(BatteryParameters.reservoir("e", 1000, 500, 500, 1, 1, 0.2, 1, 0.2, 0));
        BatterySystem full = new BatterySystem(BatteryParameters.reservoir("f", 1000, 500, 500, 1, 1, 0.2, 1, 1.0, 0));
        Battery bank = BatteryBank.of(List.of(empty, full));
        assertThat(bank.apply(400, 60)).isCloseTo(400, offset(1e-9));
        assertThat(empty.soc()).isEqualTo(0.2);
    }

    /** An empty unit draws its standby load; the others make up for it (found in review: 188.7 of 200 kW). */
    @Test
    void anEmptyUnitsStandbyIsMadeUpByTheOthers() {
        BatterySystem full = new BatterySystem(BatteryParameters.reservoir("f", 1000, 500, 500, 1, 1, 0.1, 1, 0.9, 20));
        BatterySystem empty =
                new BatterySystem(BatteryParameters.reservoir("e", 1000, 500, 500, 1, 1, 0.1, 1, 0.1, 20));
        Battery bank = BatteryBank.of(List.of(full, empty));
        assertThat(bank.apply(200, 60)).isCloseTo(200, offset(1e-9));
        assertThat(empty.soc()).isEqualTo(0.1);
    }

    @Test
    void noUnitsIsNoBattery() {
        assertThat(BatteryBank.of(List.of())).isSameAs(Battery.NONE);
        assertThat(Battery.NONE.apply(1000, 1)).isZero();
    }
}

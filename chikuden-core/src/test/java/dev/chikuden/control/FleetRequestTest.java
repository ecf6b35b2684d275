package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControllerStackTest.Narrow;
import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

class FleetRequestTest {
    @Test
    void holdsTheFleetsPowerUntilItExpiresThenTheSiteRunsItself() {
        FleetRequest fleet = new FleetRequest(0, 0);
        var h = ControlHarness.given(ControlHarness.battery(0.5), fleet, new Prefer("schedule", 100));
        fleet.set(7, 250, h.nowMs() + 3_000);
        for (int i = 0; i < 3; i++) {
            assertThat(h.when(1000)).isCloseTo(250, offset(1e-9)); // the schedule below cannot move it
        }
        assertThat(h.when(1000)).isCloseTo(100, offset(1e-9)); // expired: the site's own strategy
        assertThat(fleet.held().id()).isEqualTo(7);
    }

    @Test
    void theLayersAboveWinAndTheOfferIsWhatTheyLeave() {
        FleetRequest fleet = new FleetRequest(100, 0);
        fleet.recordOffers();
        // the contract's limiter above allows at most 150 kW of charging and 400 kW of discharge
        var h = ControlHarness.given(ControlHarness.battery(0.6), new Narrow("demand-limiter", -150, 400), fleet);
        fleet.set(1, -300, Long.MAX_VALUE);
        assertThat(h.when(1000)).isCloseTo(-150, offset(1e-9));
        FleetOffer o = fleet.offer();
        assertThat(o.minKw()).isCloseTo(-150, offset(1e-9));
        assertThat(o.maxKw()).isCloseTo(400, offset(1e-9)); // and within the battery's 500 kW
        // stored 600 kWh (before this step's charge), floor 0 % + 100 kWh of reserve, top 100 %
        assertThat(o.aboveFloorKwh()).isCloseTo(600 - 100, offset(1e-6));
        assertThat(o.roomKwh()).isCloseTo(1000 - 600, offset(1e-6));
    }

    @Test
    void theOfferHoldsTheBatterysOwnLimitsWhenNoLayerAboveNarrows() {
        FleetRequest fleet = new FleetRequest(0, 0);
        fleet.recordOffers();
        var h = ControlHarness.given(ControlHarness.battery(0.5), fleet);
        h.when(1000);
        assertThat(fleet.offer().minKw()).isCloseTo(-500, offset(1e-9));
        assertThat(fleet.offer().maxKw()).isCloseTo(500, offset(1e-9));
    }

    @Test
    void aRequestNeverChargesTheSitePastItsContract() {
        FleetRequest fleet = new FleetRequest(0, 1100);
        fleet.recordOffers();
        var h = ControlHarness.given(ControlHarness.battery(0.5), fleet);
        fleet.set(1, -300, Long.MAX_VALUE);
        // 1,000 kW of load under a 1,100 kW contract: 100 kW of charging at most
        assertThat(h.when(1000)).isCloseTo(-100, offset(1e-9));
        assertThat(fleet.offer().minKw()).isCloseTo(-100, offset(1e-9));
        fleet.set(2, 300, Long.MAX_VALUE); // discharging is the site's to give
        assertThat(h.when(1000)).isCloseTo(300, offset(1e-9));
    }

    @Test
    void aStudyRecordsNoOffer() {
        FleetRequest fleet = new FleetRequest(0, 0);
        ControlHarness.given(ControlHarness.battery(0.5), fleet).when(1000);
        assertThat(fleet.offer()).isNull();
    }

    @Test
    void refusesANonFinitePowerAndANegativeReserve() {
        assertThatThrownBy(() -> new FleetRequest(0, 0).set(1, Double.POSITIVE_INFINITY, 1))
                .hasMessageContaining("kw");
        assertThatThrownBy(() -> new FleetRequest(-1, 0)).hasMessageContaining("reserveKwh");
    }
}

package dev.chikuden.fleet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.control.FleetOffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SplitRuleTest {
    private static final double HOUR = 3600;

    private static SiteOffer site(String id, double minKw, double maxKw, double aboveFloorKwh, double roomKwh) {
        return new SiteOffer(id, true, new FleetOffer(0, minKw, maxKw, aboveFloorKwh, roomKwh));
    }

    @Test
    void aDischargeGoesInProportionToEachSitesHeadroom() {
        // 300 and 100 kW of discharge headroom, an hour's energy each: 200 kW is half of each
        Split s =
                SplitRule.split(200, HOUR, List.of(site("a", -300, 300, 1000, 1000), site("b", -100, 100, 1000, 1000)));
        assertThat(s.allocations().get(0).kw()).isCloseTo(150, within(1e-9));
        assertThat(s.allocations().get(1).kw()).isCloseTo(50, within(1e-9));
        assertThat(s.metKw()).isCloseTo(200, within(1e-9));
    }

    @Test
    void energyOverTheDurationLimitsASite() {
        // a: 300 kW window but only 75 kWh above its floor: 150 kW for half an hour
        Split s = SplitRule.split(1000, HOUR / 2, List.of(site("a", 0, 300, 75, 0), site("b", 0, 100, 1000, 0)));
        assertThat(s.allocations().get(0).kw()).isCloseTo(150, within(1e-9));
        assertThat(s.allocations().get(1).kw()).isCloseTo(100, within(1e-9));
        assertThat(s.shortfallKw()).isCloseTo(750, within(1e-9));
    }

    @Test
    void aStaleSiteIsAskedNothingAndTheOthersTakeItsShare() {
        List<SiteOffer> offers = new ArrayList<>(List.of(site("a", 0, 100, 500, 0), site("b", 0, 100, 500, 0)));
        offers.add(new SiteOffer("c", false, new FleetOffer(0, 0, 100, 500, 0)));
        Split s = SplitRule.split(150, HOUR, offers);
        assertThat(s.allocations().get(2).asked()).isFalse();
        assertThat(s.allocations().get(2).kw()).isZero();
        assertThat(s.allocations().get(0).kw()).isCloseTo(75, within(1e-9));
        assertThat(s.metKw()).isCloseTo(150, within(1e-9));
    }

    @Test
    void noSiteChargesWhileAnotherDischargesUnlessItsOwnLayersForceIt() {
        // a's demand limiter forces 50 kW of discharge; a request of 0 leaves it there and charges b
        Split s = SplitRule.split(0, HOUR, List.of(site("a", 50, 200, 500, 500), site("b", -100, 100, 500, 500)));
        assertThat(s.allocations().get(0).kw()).isCloseTo(50, within(1e-9));
        assertThat(s.allocations().get(1).kw()).isCloseTo(-50, within(1e-9));
        Split up = SplitRule.split(100, HOUR, List.of(site("a", -200, 200, 500, 500), site("b", -100, 100, 500, 500)));
        assertThat(up.allocations()).allSatisfy(a -> assertThat(a.kw()).isGreaterThanOrEqualTo(0));
    }

    @Property(tries = 2000)
    void noSiteIsAskedPastItsOfferAndTheSplitMeetsWhatItCan(
            @ForAll("offers") List<SiteOffer> offers,
            @ForAll @DoubleRange(min = -5e4, max = 5e4) double requestedKw,
            @ForAll @DoubleRange(min = 1, max = 86_400) double durationS) {
        Split s = SplitRule.split(requestedKw, durationS, offers);
        double hours = durationS / 3600;
        double sum = 0;
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < offers.size(); i++) {
            SiteOffer o = offers.get(i);
            Split.Allocation a = s.allocations().get(i);
            assertThat(a.site()).isEqualTo(o.site());
            sum += a.kw();
            if (!o.fresh()) {
                assertThat(a.asked()).isFalse();
                assertThat(a.kw()).isZero();
                continue;
            }
            FleetOffer f = o.offer();
            // inside the window the site's own layers left, always
            assertThat(a.kw()).isBetween(f.minKw(), f.maxKw());
            // within its energy over the duration, unless its own window forces more
            double energyMax = Math.max(f.minKw(), f.aboveFloorKwh() / hours);
            double energyMin = Math.min(f.maxKw(), -f.roomKwh() / hours);
            assertThat(a.kw()).isLessThanOrEqualTo(energyMax + 1e-9 * (1 + Math.abs(energyMax)));
            assertThat(a.kw()).isGreaterThanOrEqualTo(energyMin - 1e-9 * (1 + Math.abs(energyMin)));
            lo += Math.min(f.maxKw(), Math.max(f.minKw(), -f.roomKwh() / hours));
            hi += Math.max(
                    Math.min(f.maxKw(), Math.max(f.minKw(), -f.roomKwh() / hours)),
                    Math.min(f.maxKw(), f.aboveFloorKwh() / hours));
        }
        double tol = 1e-7 * (1 + Math.abs(requestedKw) + Math.abs(lo) + Math.abs(hi));
        assertThat(s.metKw()).isCloseTo(sum, within(tol));
        // the request when the sites can give it, else the nearest end of what they can give
        double expected = Math.max(lo, Math.min(hi, requestedKw));
        assertThat(s.metKw()).isCloseTo(expected, within(tol));
    }

    @Provide
    Arbitrary<List<SiteOffer>> offers() {
        Arbitrary<Double> kw = Arbitraries.doubles().between(-5000, 5000);
        Arbitrary<Double> kwh = Arbitraries.doubles().between(0, 20_000);
        Arbitrary<SiteOffer> one = Combinators.combine(
                        kw, kw, kwh, kwh, Arbitraries.of(true, true, true, false), Arbitraries.integers())
                .as((a, b, e, r, fresh, id) ->
                        new SiteOffer("s" + id, fresh, new FleetOffer(0, Math.min(a, b), Math.max(a, b), e, r)));
        return one.list().ofMinSize(0).ofMaxSize(30);
    }
}

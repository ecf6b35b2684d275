package dev.chikuden.fleet.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.control.FleetOffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five sites (twenty with {@code -P fleet-20}) and their fleet on loopback: a portfolio request is met, a stopped site's share is taken
 * by the others, and on every cycle's record no site is asked past its offer or runs past its limits,
 * its contract or its SOC floor. Counted in fleet cycles, not wall time.
 */
class FleetEndToEndTest {
    /** 200 to 600 kW, in turn: 2,000 kW of ratings every five sites. */
    static final double[] POWERS_KW = java.util.stream.IntStream.range(0, Integer.getInteger("chikuden.fleet.sites", 5))
            .mapToDouble(i -> 200 + 100 * (i % 5))
            .toArray();

    static final double CONTRACT_KW = 2000;

    @TempDir
    Path dir;

    @Test
    void aRequestIsMetAndAStoppedSitesShareIsTakenByTheOthers() throws Exception {
        try (FleetRig rig = new FleetRig(dir, POWERS_KW)) {
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            FleetCycle ready =
                    await(cycles, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(30));

            // half the ratings: half of each site's headroom
            double target = java.util.Arrays.stream(POWERS_KW).sum() / 2;
            PortfolioRequest r = rig.fleet.request(target, System.currentTimeMillis() + 120_000, "test");
            FleetCycle first =
                    await(cycles, c -> c.cycle() > ready.cycle() && c.requestId() == r.id(), Duration.ofSeconds(5));
            FleetCycle met = await(
                    cycles,
                    c -> c.requestId() == r.id() && within(c.deliveredKw(), target, 0.02),
                    Duration.ofSeconds(10));
            assertThat(met.cycle() - first.cycle())
                    .as("cycles from the request's first cycle to delivery within 2 %%")
                    .isLessThanOrEqualTo(10);

            // one site stops: the four others take its share
            rig.sites.get(POWERS_KW.length - 1).stop();
            long stoppedAt = cycles.get(cycles.size() - 1).cycle();
            FleetCycle stale = await(
                    cycles,
                    c -> c.cycle() > stoppedAt
                            && !c.sites().get(POWERS_KW.length - 1).fresh(),
                    Duration.ofSeconds(5));
            FleetCycle taken = await(
                    cycles,
                    c -> c.cycle() > stale.cycle() && within(c.deliveredKw(), target, 0.02),
                    Duration.ofSeconds(10));
            assertThat(taken.cycle() - stoppedAt)
                    .as("cycles from the stop to the others delivering the whole request within 2 %%")
                    .isLessThanOrEqualTo(5);
            assertThat(taken.sites().get(POWERS_KW.length - 1).askedKw()).isNaN();
            System.out.printf(
                    "fleet e2e, " + POWERS_KW.length
                            + " sites: met within 2 %% %d cycles after the request; the others took the stopped site's share %d"
                            + " cycles after the stop (%d after it went stale)%n",
                    met.cycle() - first.cycle(),
                    taken.cycle() - stoppedAt,
                    taken.cycle() - stale.cycle());

            for (FleetCycle c : cycles) {
                for (int i = 0; i < c.sites().size(); i++) {
                    FleetCycle.Site s = c.sites().get(i);
                    FleetOffer o = s.offer();
                    if (!Double.isNaN(s.askedKw())) {
                        assertThat(s.askedKw())
                                .as("cycle %d %s asked within its offer", c.cycle(), s.id())
                                .isBetween(o.minKw() - 1e-9, o.maxKw() + 1e-9);
                    }
                    if (s.fresh()) {
                        double rating = POWERS_KW[i];
                        assertThat(s.batteryKw())
                                .as("cycle %d %s within its rating", c.cycle(), s.id())
                                .isBetween(-rating * 1.01, rating * 1.01);
                        assertThat(s.gridKw())
                                .as("cycle %d %s within its contract", c.cycle(), s.id())
                                .isLessThanOrEqualTo(CONTRACT_KW);
                        assertThat(s.soc())
                                .as("cycle %d %s above its floor", c.cycle(), s.id())
                                .isGreaterThanOrEqualTo(0.10);
                    }
                }
            }
        }
    }

    static boolean within(double value, double target, double share) {
        return Math.abs(value - target) <= share * Math.abs(target);
    }

    static FleetCycle await(List<FleetCycle> cycles, Predicate<FleetCycle> match, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            List<FleetCycle> now = List.copyOf(cycles);
            for (int i = seen; i < now.size(); i++) {
                if (match.test(now.get(i))) {
                    return now.get(i);
                }
            }
            seen = now.size();
            Thread.sleep(20);
        }
        throw new AssertionError("no matching fleet cycle within " + limit + "; last: "
                + (cycles.isEmpty() ? "none" : cycles.get(cycles.size() - 1)));
    }
}

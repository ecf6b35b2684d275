package dev.chikuden.fleet.service;

import static dev.chikuden.fleet.service.FleetEndToEndTest.await;
import static dev.chikuden.fleet.service.FleetEndToEndTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.fleet.FleetLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link's faults, counted in cycles: a cut, a silent site, a fleet restart. */
class FleetLinkFaultsTest {
    static final int CUT_CYCLES = 15;

    @TempDir
    Path dir;

    @Test
    void aCutLinkLosesNoRecordTheFleetReceivesEveryOneAfterItIsRestored() throws Exception {
        try (FleetRig rig = new FleetRig(dir, 1);
                LinkProxy proxy = new LinkProxy(rig.fleet.port())) {
            FleetRig.Site site = rig.add(0, 400, FleetRig.url(proxy.port()));
            FleetLink link = site.service.fleetLink();
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            await(cycles, c -> c.sites().get(0).fresh() && c.sites().get(0).lastSeq() >= 5, Duration.ofSeconds(20));

            long before = received(rig);
            proxy.cut();
            Thread.sleep(CUT_CYCLES * FleetRig.CYCLE_MS);
            long duringCut = received(rig);
            long madeByRestore = link.recordedSeq();
            long restoredAt = System.nanoTime();
            proxy.restore();
            // every record of the site's cycles reaches the fleet, in order, none missing
            awaitReceived(rig, madeByRestore);
            long catchUpMs = (System.nanoTime() - restoredAt) / 1_000_000;
            long made = link.recordedSeq();
            awaitReceived(rig, made);
            FleetService.Received r = rig.fleet.received().get(0);
            assertThat(duringCut - before).as("records received while cut").isLessThanOrEqualTo(1);
            assertThat(madeByRestore - before).as("records made while cut").isGreaterThanOrEqualTo(CUT_CYCLES - 2);
            assertThat(r.missing()).isZero();
            assertThat(link.droppedRecords()).isZero();
            assertThat(r.records()).as("every record from the first, each once").isEqualTo(r.lastSeq() + 1);
            assertThat(r.lastSeq()).isGreaterThanOrEqualTo(made);
            System.out.printf(
                    "fleet link: cut for %d cycles (%d records made meanwhile); caught up %d ms after the restore;"
                            + " the fleet holds all %d records, none missing%n",
                    CUT_CYCLES, madeByRestore - before, catchUpMs, r.records());
        }
    }

    @Test
    void aSilentSiteIsStaleAfterThreeCyclesAndTheOthersTakeItsShare() throws Exception {
        try (FleetRig rig = new FleetRig(dir, 3);
                LinkProxy proxy = new LinkProxy(rig.fleet.port())) {
            rig.add(0, 300, FleetRig.url(rig.fleet.port()));
            rig.add(1, 300, FleetRig.url(rig.fleet.port()));
            rig.add(2, 300, FleetRig.url(proxy.port()));
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            FleetCycle ready =
                    await(cycles, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(20));
            rig.fleet.request(450, System.currentTimeMillis() + 120_000, "test");
            await(cycles, c -> c.cycle() > ready.cycle() && within(c.deliveredKw(), 450, 0.02), Duration.ofSeconds(10));

            proxy.stall(); // connected, silent
            long stalledAt = cycles.get(cycles.size() - 1).cycle();
            FleetCycle stale = await(
                    cycles, c -> c.cycle() > stalledAt && !c.sites().get(2).fresh(), Duration.ofSeconds(5));
            long heard = lastHeard(cycles, 2, stale.cycle());
            FleetCycle taken = await(
                    cycles,
                    c -> c.cycle() >= stale.cycle()
                            && within(c.deliveredKw(), 450, 0.02)
                            && c.sites().get(0).askedKw() > 200,
                    Duration.ofSeconds(10));
            assertThat(stale.cycle() - heard)
                    .as("cycles from its last record to stale")
                    .isEqualTo(3);
            assertThat(taken.cycle() - heard)
                    .as("cycles from its last record to the others delivering it all")
                    .isLessThanOrEqualTo(6);
            assertThat(taken.sites().get(0).askedKw()).isCloseTo(225, org.assertj.core.api.Assertions.within(1e-6));
            proxy.restore();
            System.out.printf(
                    "fleet: a silent site went stale %d cycles after its last record; the others delivered all %d cycles after%n",
                    stale.cycle() - heard, taken.cycle() - heard);
        }
    }

    @Test
    void afterAFleetRestartTheSitesReconnectAndANewRequestIsMet() throws Exception {
        try (FleetRig rig = new FleetRig(dir, 2)) {
            int port = rig.fleet.port();
            rig.add(0, 300, FleetRig.url(port));
            rig.add(1, 300, FleetRig.url(port));
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            await(cycles, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(20));
            rig.fleet.request(400, System.currentTimeMillis() + 120_000, "test");
            await(cycles, c -> within(c.deliveredKw(), 400, 0.02), Duration.ofSeconds(10));

            rig.fleet.close();
            // the fleet gone, each site's request expires and its own strategy (idle) takes over
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rig.sites.stream()
                            .anyMatch(s -> Math.abs(s.service.runtime().latest().batteryKw()) > 5)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rig.sites)
                    .allSatisfy(s -> assertThat(s.service.runtime().latest().batteryKw())
                            .as("%s back on its own strategy", s.id)
                            .isBetween(-5.0, 5.0));

            rig.fleet = FleetService.start(rig.config(rig.fleet.config().sites(), port));
            List<FleetCycle> after = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(after::add);
            await(after, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(20));
            rig.fleet.request(-300, System.currentTimeMillis() + 120_000, "test");
            await(after, c -> c.requestId() > 0 && within(c.deliveredKw(), -300, 0.02), Duration.ofSeconds(10));
            assertThat(rig.fleet.received())
                    .allSatisfy(r -> assertThat(r.missing()).isZero());
        }
    }

    @Test
    void aWithdrawnRequestEndsAtOnceAndARestartedSiteIsCountedAfresh() throws Exception {
        try (FleetRig rig = new FleetRig(dir, 1)) {
            FleetRig.Site site = rig.add(0, 300, FleetRig.url(rig.fleet.port()));
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            await(cycles, c -> c.sites().get(0).fresh(), Duration.ofSeconds(20));
            rig.fleet.request(200, System.currentTimeMillis() + 600_000, "test");
            await(cycles, c -> within(c.deliveredKw(), 200, 0.02), Duration.ofSeconds(10));
            var held = site.service.runtime().fleetLayer().held();
            assertThat(held.expiresAtEpochMs() - System.currentTimeMillis())
                    .as("held for the fleet's 5 cycles, not the request's 10 minutes")
                    .isLessThanOrEqualTo(5 * FleetRig.CYCLE_MS);

            rig.fleet.withdraw();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (site.service.runtime().fleetLayer().held() != null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(site.service.runtime().fleetLayer().held())
                    .as("cleared by the withdrawal")
                    .isNull();

            // the site's service restarts: its records count from 0 again, and it is fresh again at once
            await(cycles, c -> c.sites().get(0).lastSeq() >= 20, Duration.ofSeconds(20));
            long before = rig.fleet.received().get(0).lastSeq();
            site.stop();
            site.twin.close();
            FleetRig.Site again = rig.add(0, 300, FleetRig.url(rig.fleet.port()));
            long restartedAt = cycles.get(cycles.size() - 1).cycle();
            FleetCycle back = await(
                    cycles, c -> c.cycle() > restartedAt && c.sites().get(0).fresh(), Duration.ofSeconds(20));
            assertThat(back.sites().get(0).lastSeq()).isLessThan(before);
            assertThat(rig.fleet.received().get(0).missing()).isZero();
            assertThat(again.service.fleetLink().acknowledgedSeq()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSecondServiceWithTheSameSiteIdIsRefusedWhileTheFirstRuns() throws Exception {
        try (FleetRig rig = new FleetRig(dir, 1)) {
            rig.add(0, 300, FleetRig.url(rig.fleet.port()));
            List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
            rig.fleet.onCycle(cycles::add);
            await(cycles, c -> c.sites().get(0).fresh(), Duration.ofSeconds(20));
            // a clone: same id and token, another run of the service
            dev.chikuden.control.FleetRequest layer = new dev.chikuden.control.FleetRequest(0, 0);
            var config = new dev.chikuden.ems.config.EmsConfig.FleetLink(
                    java.net.URI.create(FleetRig.url(rig.fleet.port())), "site-1", FleetRig.token(0), 100, 30_000);
            var hello = new dev.chikuden.ems.fleet.FleetMessages.Hello("site-1", FleetRig.token(0), 42, 300, 300, 2000);
            try (FleetLink clone = new FleetLink(
                            hello, config, layer, l -> () -> {}, p -> {}, FleetLink.Transport.own(), true)
                    .connectNow()) {
                long before = rig.fleet.received().get(0).records();
                Thread.sleep(10 * FleetRig.CYCLE_MS);
                assertThat(clone.acknowledgedSeq())
                        .as("the clone was never acknowledged")
                        .isEqualTo(-1);
                assertThat(rig.fleet.received().get(0).records())
                        .as("the first service's records still arrive")
                        .isGreaterThan(before + 5);
                assertThat(rig.fleet.received().get(0).missing()).isZero();
            }
        }
    }

    /** The last cycle up to {@code until} in which site {@code i}'s last record number rose. */
    private static long lastHeard(List<FleetCycle> cycles, int i, long until) {
        long heard = 0;
        long seq = Long.MIN_VALUE;
        for (FleetCycle c : cycles) {
            if (c.cycle() > until) {
                break;
            }
            if (c.sites().get(i).lastSeq() > seq) {
                seq = c.sites().get(i).lastSeq();
                heard = c.cycle();
            }
        }
        return heard;
    }

    private static void awaitReceived(FleetRig rig, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rig.fleet.received().get(0).lastSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long received(FleetRig rig) {
        return rig.fleet.received().get(0).records();
    }
}

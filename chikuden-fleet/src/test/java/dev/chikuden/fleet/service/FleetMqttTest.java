package dev.chikuden.fleet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chikuden.ems.fleet.FleetLink;
import dev.chikuden.fleet.mqtt.MqttEdges;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link through Debian's Mosquitto instead of the fleet's WebSocket: three sites and the fleet
 * never connect to each other, only to the broker. A request is met; the broker stopped for a while
 * and started again, every record the sites made reaches the fleet, none missing.
 */
class FleetMqttTest {
    @TempDir
    Path dir;

    @Test
    void throughABrokerARequestIsMetAndABrokerOutageLosesNoRecord() throws Exception {
        assumeTrue(
                Mosquitto.installed(), "Debian's mosquitto is not installed (apt-get install mosquitto; .ci/run does)");
        int port = FleetRig.freePort();
        try (Mosquitto broker = new Mosquitto(dir, port);
                FleetRig rig = new FleetRig(dir, 3)) {
            String url = "mqtt://127.0.0.1:" + port + "/chikuden/test";
            try (MqttEdges edges = MqttEdges.start(URI.create(url), null, null, rig.fleet)) {
                for (int i = 0; i < 3; i++) {
                    rig.add(i, 400, url);
                }
                List<FleetCycle> cycles = new CopyOnWriteArrayList<>();
                rig.fleet.onCycle(cycles::add);
                FleetCycle ready = FleetEndToEndTest.await(
                        cycles, c -> c.sites().stream().allMatch(FleetCycle.Site::fresh), Duration.ofSeconds(30));
                rig.fleet.request(600, System.currentTimeMillis() + 600_000, "test");
                FleetCycle met = FleetEndToEndTest.await(
                        cycles,
                        c -> c.cycle() > ready.cycle() && Math.abs(c.deliveredKw() - 600) <= 12,
                        Duration.ofSeconds(10));
                assertThat(met.cycle() - ready.cycle()).isLessThanOrEqualTo(10);

                broker.stop();
                Thread.sleep(10 * FleetRig.CYCLE_MS);
                List<FleetLink> links =
                        rig.sites.stream().map(x -> x.service.fleetLink()).toList();
                long[] made = links.stream().mapToLong(FleetLink::recordedSeq).toArray();
                broker.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline && !caughtUp(rig.fleet, made)) {
                    Thread.sleep(50);
                }
                assertThat(caughtUp(rig.fleet, made))
                        .as("every site's records up to the restart arrived")
                        .isTrue();
                assertThat(rig.fleet.received())
                        .allSatisfy(r -> assertThat(r.missing()).isZero());
                long back = cycles.get(cycles.size() - 1).cycle();
                FleetEndToEndTest.await(
                        cycles, c -> c.cycle() > back && Math.abs(c.deliveredKw() - 600) <= 12, Duration.ofSeconds(20));
                System.out.printf(
                        "fleet over MQTT: request met %d cycles after it; after a broker outage of 10 cycles every"
                                + " record arrived (%d in all), none missing%n",
                        met.cycle() - ready.cycle(),
                        rig.fleet.received().stream()
                                .mapToLong(FleetService.Received::records)
                                .sum());
            }
        }
    }

    private static boolean caughtUp(FleetService fleet, long[] made) {
        List<FleetService.Received> r = fleet.received();
        for (int i = 0; i < made.length; i++) {
            if (r.get(i).lastSeq() < made[i]) {
                return false;
            }
        }
        return true;
    }
}

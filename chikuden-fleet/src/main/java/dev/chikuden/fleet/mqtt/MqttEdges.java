package dev.chikuden.fleet.mqtt;

import dev.chikuden.ems.fleet.MqttAddress;
import dev.chikuden.fleet.service.EdgeSession;
import dev.chikuden.fleet.service.FleetService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The fleet's sites through an MQTT broker: the fleet subscribes to {@code PREFIX/up/+} and answers
 * each site on {@code PREFIX/down/SITE}, the same JSON-RPC texts as on its WebSocket. Each site is one
 * session for the fleet (its id names it); a {@code bye} (a site's will or clean stop) closes it. The
 * broker is an existing one (Mosquitto, a cluster of EMQX or HiveMQ in production): the fleet holds one
 * connection to it however many sites there are. The fleet reconnects by itself after a broker outage
 * and subscribes again; the sites say hello again and resend what the fleet lacks.
 */
public final class MqttEdges implements AutoCloseable {
    static final String BYE = "\"method\":\"bye\"";

    private final MqttClient client;
    private final MqttAddress address;
    private final FleetService fleet;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A site's topics as one session. */
    private record Session(String site, MqttEdges edges) implements EdgeSession {
        @Override
        public String id() {
            return "mqtt:" + site;
        }

        @Override
        public void send(String text) {
            edges.publish(site, text);
        }

        @Override
        public void close(int code, String reason) {
            // a site cannot be pushed off a broker; the fleet just stops answering it (its ACL stays)
        }
    }

    private MqttEdges(MqttClient client, MqttAddress address, FleetService fleet) {
        this.client = client;
        this.address = address;
        this.fleet = fleet;
    }

    /**
     * Connects to the broker at {@code url} ({@code mqtt://HOST:PORT/PREFIX} or {@code mqtts://}) and
     * serves the sites on its topics.
     */
    public static MqttEdges start(URI url, String username, String password, FleetService fleet) throws MqttException {
        MqttAddress address = MqttAddress.of(url);
        MqttClient client =
                new MqttClient(address.server(), "chikuden-fleet-" + UUID.randomUUID(), new MemoryPersistence());
        MqttEdges edges = new MqttEdges(client, address, fleet);
        client.setCallback(edges.callback());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setKeepAliveInterval(5);
        o.setMaxInflight(65_535);
        if (username != null) {
            o.setUserName(username);
        }
        if (password != null) {
            o.setPassword(password.toCharArray());
        }
        client.connect(o);
        client.subscribe(address.everyUp(), 1);
        return edges;
    }

    private MqttCallbackExtended callback() {
        return new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    try {
                        client.subscribe(address.everyUp(), 1);
                    } catch (MqttException e) {
                        // the next reconnect tries again
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                // every site is cut off with the broker
                sessions.values().forEach(fleet::closed);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String site = topic.substring(topic.lastIndexOf('/') + 1);
                Session s = sessions.computeIfAbsent(site, k -> new Session(k, MqttEdges.this));
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (text.contains(BYE) && text.length() < 64) {
                    fleet.closed(s);
                } else {
                    fleet.message(s, text);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        };
    }

    private void publish(String site, String text) {
        try {
            // the broker's client queues it (QoS 1) and does not block the fleet's cycle
            client.getTopic(address.down(site)).publish(text.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            // the connection is down: the site reconnects and the next cycle sends again
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect(1000);
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}

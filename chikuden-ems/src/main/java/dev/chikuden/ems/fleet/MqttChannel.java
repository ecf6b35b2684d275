package dev.chikuden.ems.fleet;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The link through an MQTT broker ({@code mqtt://HOST:PORT/PREFIX}, {@code mqtts://} for TLS), for
 * fleets past what one service's sockets hold: the same JSON-RPC texts, the site's on
 * {@code PREFIX/up/SITE} and the fleet's on {@code PREFIX/down/SITE}, QoS 1. The site logs in with its
 * id and token (the broker's ACL keeps it to its own two topics); its will, {@link #BYE} on its up
 * topic, tells the fleet when it drops off.
 */
final class MqttChannel implements FleetChannel {
    /** What the site's will (or a clean stop) publishes: a JSON-RPC notification. */
    static final String BYE = "{\"jsonrpc\":\"2.0\",\"method\":\"bye\"}";

    private final MqttAsyncClient client;
    private final String up;

    private MqttChannel(MqttAsyncClient client, String up) {
        this.client = client;
        this.up = up;
    }

    static Opener opener(URI url, String site, String token) {
        MqttAddress address = MqttAddress.of(url);
        return events -> {
            CompletableFuture<FleetChannel> opened = new CompletableFuture<>();
            try {
                MqttAsyncClient client = new MqttAsyncClient(
                        address.server(), "chikuden-site-" + site + "-" + UUID.randomUUID(), new MemoryPersistence());
                MqttChannel channel = new MqttChannel(client, address.up(site));
                client.setCallback(new MqttCallback() {
                    @Override
                    public void connectionLost(Throwable cause) {
                        events.closed(channel);
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        events.text(channel, new String(message.getPayload(), StandardCharsets.UTF_8));
                    }

                    @Override
                    public void deliveryComplete(IMqttDeliveryToken token) {}
                });
                MqttConnectOptions o = new MqttConnectOptions();
                o.setCleanSession(true);
                o.setAutomaticReconnect(false); // the link reconnects, and says hello again
                o.setConnectionTimeout(5);
                o.setKeepAliveInterval(5);
                o.setMaxInflight(1000);
                o.setUserName(site);
                if (token != null) {
                    o.setPassword(token.toCharArray());
                }
                o.setWill(channel.up, BYE.getBytes(StandardCharsets.UTF_8), 1, false);
                client.connect(
                        o,
                        null,
                        listener(
                                () -> client.subscribe(
                                        address.down(site), 1, null, listener(() -> opened.complete(channel), opened)),
                                opened));
            } catch (MqttException e) {
                opened.completeExceptionally(e);
            }
            return opened;
        };
    }

    /** Runs {@code then} on success; fails {@code failed} otherwise (also when {@code then} throws). */
    private static IMqttActionListener listener(Action then, CompletableFuture<?> failed) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                try {
                    then.run();
                } catch (MqttException e) {
                    failed.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failed.completeExceptionally(e);
            }
        };
    }

    @FunctionalInterface
    private interface Action {
        void run() throws MqttException;
    }

    @Override
    public CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            client.publish(
                    up,
                    text.getBytes(StandardCharsets.UTF_8),
                    1,
                    false,
                    null,
                    listener(() -> sent.complete(null), sent));
        } catch (MqttException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    @Override
    public void close() {
        try {
            client.publish(up, BYE.getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(1000);
            client.disconnect().waitForCompletion(1000);
            client.close();
        } catch (MqttException e) {
            abort();
        }
    }

    @Override
    public void abort() {
        try {
            client.disconnectForcibly(0, 100, false);
            client.close(true);
        } catch (MqttException e) {
            // gone already
        }
    }
}

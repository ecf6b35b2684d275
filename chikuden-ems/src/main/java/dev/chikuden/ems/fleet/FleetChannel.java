package dev.chikuden.ems.fleet;

import java.util.concurrent.CompletableFuture;

/**
 * One connection between a site and its fleet that carries the link's JSON-RPC texts: a WebSocket
 * to the fleet ({@link WebSocketChannel}), or a pair of MQTT topics through a broker
 * ({@link MqttChannel}). The link above does not know which.
 */
public interface FleetChannel {
    /** Sends one message; completes when it is handed over, exceptionally when the connection failed. */
    CompletableFuture<Void> send(String text);

    /** Closes politely (the site is stopping). */
    void close();

    /** Drops the connection at once. */
    void abort();

    /** What a channel tells its link, from any thread. */
    interface Events {
        void text(FleetChannel channel, String text);

        void closed(FleetChannel channel);
    }

    /** Opens channels to one fleet. */
    interface Opener {
        CompletableFuture<FleetChannel> open(Events events);
    }
}

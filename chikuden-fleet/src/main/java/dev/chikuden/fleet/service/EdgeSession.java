package dev.chikuden.fleet.service;

/** A site's connection as the fleet sees it: a WebSocket, or the site's topics on an MQTT broker. */
public interface EdgeSession {
    /** Names the connection (two objects of one connection have the same id). */
    String id();

    /** Sends one JSON-RPC text, without waiting; a failure shows as the connection closing. */
    void send(String text);

    /** Ends the connection (a refused hello, a site replaced by a newer connection of its own). */
    void close(int code, String reason);
}

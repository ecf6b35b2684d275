package dev.chikuden.ems.fleet;

import java.net.URI;

/**
 * Where a fleet's MQTT traffic goes, from one URL ({@code mqtt://HOST:PORT/PREFIX}, {@code mqtts://}
 * for TLS): the broker as Paho names it and the two topics of each site. The sites and the fleet read
 * the same URL the same way.
 */
public record MqttAddress(String server, String prefix) {
    public static final String DEFAULT_PREFIX = "chikuden";

    /** The broker and prefix of {@code url}: the MQTT ports (1883, 8883 with TLS) and {@value #DEFAULT_PREFIX} by default. */
    public static MqttAddress of(URI url) {
        boolean tls = "mqtts".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
        return new MqttAddress(
                (tls ? "ssl://" : "tcp://") + url.getHost() + ":" + port, path.isEmpty() ? DEFAULT_PREFIX : path);
    }

    /** What a site publishes on. */
    public String up(String site) {
        return prefix + "/up/" + site;
    }

    /** What the fleet answers a site on. */
    public String down(String site) {
        return prefix + "/down/" + site;
    }

    /** Every site's up topic, for the fleet's subscription. */
    public String everyUp() {
        return prefix + "/up/+";
    }
}

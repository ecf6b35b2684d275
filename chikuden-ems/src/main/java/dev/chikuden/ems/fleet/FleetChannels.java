package dev.chikuden.ems.fleet;

import dev.chikuden.ems.config.EmsConfig;

/** Which channel a link's URL asks for: {@code ws://}, {@code wss://}, or {@code mqtt://}, {@code mqtts://}. */
final class FleetChannels {
    private FleetChannels() {}

    static FleetChannel.Opener opener(EmsConfig.FleetLink config, FleetLink.Transport transport) {
        String scheme = config.url().getScheme();
        if ("mqtt".equals(scheme) || "mqtts".equals(scheme)) {
            return MqttChannel.opener(config.url(), config.site(), config.token());
        }
        return WebSocketChannel.opener(transport.http(), config.url());
    }
}

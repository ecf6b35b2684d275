package dev.chikuden.ems.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Whose pages may open the WebSocket stream. A browser sends {@code Origin} with every WebSocket
 * handshake and cannot be made to leave it out, so a page of another site open on the EMS host is
 * told apart here: it must be the service's own origin (the {@code Host} it was sent to, over http
 * or https) or one of {@code ems.http.allowedOrigins}. A client with no {@code Origin} (a script)
 * is no page and authenticates as before.
 */
record OriginCheck(List<String> allowed) {
    OriginCheck {
        allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a handshake with this {@code Origin} (null: none) sent to this {@code Host} may go on. */
    boolean permits(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(o)) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(o);
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed page or a file) and garbage alike
        }
        String scheme = uri.getScheme();
        if (host == null
                || host.isBlank()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !(("http".equals(scheme) || "https".equals(scheme)))
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            return false;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return authority(uri.getHost(), port).equals(hostHeader(host, scheme));
    }

    /** The {@code Host} header as host:port, the scheme's port when it names none. */
    private static String hostHeader(String host, String scheme) {
        URI h;
        try {
            h = new URI(scheme + "://" + host.strip().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return "";
        }
        if (h.getHost() == null) {
            return "";
        }
        int port = h.getPort() >= 0 ? h.getPort() : "https".equals(scheme) ? 443 : 80;
        return authority(h.getHost(), port);
    }

    private static String authority(String host, int port) {
        return host + ":" + port;
    }
}

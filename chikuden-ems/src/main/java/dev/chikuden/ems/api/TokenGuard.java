package dev.chikuden.ems.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Decides who may do what. Writes always need the bearer token; reads need it unless they come from
 * this machine. The token is compared in constant time, on SHA-256 digests so its length does not
 * leak either; it is never logged or echoed, only its fingerprint.
 */
final class TokenGuard {
    static final String HOW_TO_SET = "set one in the site file as ems.http.token or in the environment variable "
            + "CHIKUDEN_TOKEN, and restart the service";

    /** What the presented credentials amount to. */
    enum Verdict {
        ALLOWED,
        MISSING,
        WRONG,
        NOT_CONFIGURED
    }

    private final byte[] tokenDigest;

    TokenGuard(String token) {
        this.tokenDigest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    boolean configured() {
        return tokenDigest != null;
    }

    /** Judges an {@code Authorization} header (null when absent). */
    Verdict check(String authorization) {
        return checkToken(bearer(authorization));
    }

    /** Judges a bare token (null when none was presented). */
    Verdict checkToken(String presented) {
        if (tokenDigest == null) {
            return Verdict.NOT_CONFIGURED;
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(presented)) ? Verdict.ALLOWED : Verdict.WRONG;
    }

    /** The token of a {@code Bearer} header, or null when the header is absent or of another scheme. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String h = authorization.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        return h.substring(7).strip();
    }

    /** First 8 hex digits of the token's SHA-256: tells tokens apart in the audit log, reveals nothing. */
    static String fingerprint(String token) {
        return token == null || token.isEmpty() ? null : HexFormat.of().formatHex(sha256(token), 0, 4);
    }

    /**
     * Whether a read may go without the token: the peer is on this machine and the page asked for a
     * loopback host by name, so a web page elsewhere cannot read through a DNS name re-pointed at
     * 127.0.0.1 (DNS rebinding).
     */
    static boolean openRead(String remoteAddress, String hostHeader) {
        return isLoopback(remoteAddress) && hostHeader != null && isLoopbackHost(hostHeader);
    }

    static boolean isLoopback(String ipLiteral) {
        if (ipLiteral == null) {
            return false;
        }
        String ip = ipLiteral.startsWith("[") && ipLiteral.endsWith("]")
                ? ipLiteral.substring(1, ipLiteral.length() - 1)
                : ipLiteral;
        if (ip.isEmpty()
                || !ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                || (ip.indexOf(':') < 0 && !ip.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')))) {
            return false; // only literals: a name here would mean a DNS look-up
        }
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackHost(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("localhost") || host.endsWith(".localhost") || isLoopback(host);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

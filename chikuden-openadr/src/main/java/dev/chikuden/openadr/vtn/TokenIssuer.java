package dev.chikuden.openadr.vtn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Opaque bearer tokens for the clients given at start, each valid for a fixed lifetime. */
final class TokenIssuer {
    private static final int TOKEN_BYTES = 24;

    private record Issued(VtnClient client, Instant expires) {}

    private final Map<String, VtnClient> clients;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    TokenIssuer(List<VtnClient> clients, Duration lifetime, Clock clock) {
        this.clients = clients.stream().collect(Collectors.toMap(VtnClient::clientId, Function.identity()));
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** A new token for the client, if the id and secret match one given at start. */
    Optional<String> issue(String clientId, String secret) {
        VtnClient client = clientId == null ? null : clients.get(clientId);
        if (client == null || !MessageDigest.isEqual(bytes(client.clientSecret()), bytes(secret))) {
            return Optional.empty();
        }
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tokens.put(token, new Issued(client, clock.instant().plus(lifetime)));
        issued.incrementAndGet();
        return Optional.of(token);
    }

    /** The client of a token that exists and has not expired. */
    Optional<VtnClient> clientOf(String token) {
        Issued i = token == null ? null : tokens.get(token);
        if (i == null || !clock.instant().isBefore(i.expires())) {
            return Optional.empty();
        }
        return Optional.of(i.client());
    }

    /** Forget every token, as a VTN that restarts does. */
    void forgetAll() {
        tokens.clear();
    }

    int issuedCount() {
        return issued.get();
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}

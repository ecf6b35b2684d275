package dev.chikuden.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.openadr.model.ClientCredentialResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 client credentials (RFC 6749 4.4, the OpenADR 3 token flow): trades the client id and secret
 * for a bearer token, keeps it until a tenth of its life is left or a VTN answers 401, then asks again.
 * Without a client id there is no token (a non-authenticating VTN, Definition "Non-Authenticating VTNs").
 */
final class TokenSource {
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private String token;
    private Instant renewAt;

    TokenSource(HttpClient http, ObjectMapper json, Clock clock, VenConfig config, Duration timeout) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.tokenUrl = config.tokenUrl();
        this.clientId = config.clientId();
        this.clientSecret = config.clientSecret();
        this.timeout = timeout;
    }

    /** The bearer token to send, fetched if none is held or it is about to expire. */
    synchronized Optional<String> token() {
        if (clientId == null) {
            return Optional.empty();
        }
        if (token == null || (renewAt != null && !clock.instant().isBefore(renewAt))) {
            fetch();
        }
        return Optional.of(token);
    }

    /** Forget the token (the VTN answered 401): the next call fetches a new one. */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OpenAdrException("token endpoint " + tokenUrl + " unreachable: " + VtnHttp.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAdrException("interrupted while asking " + tokenUrl + " for a token", e);
        }
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw new CredentialsRefusedException("token endpoint " + tokenUrl + " refused client id '" + clientId
                    + "' (HTTP " + status + errorOf(response.body())
                    + "): check the VEN's clientId and clientSecret against the VTN operator's");
        }
        if (status / 100 != 2) {
            throw new OpenAdrException("token endpoint " + tokenUrl + " answered HTTP " + status);
        }
        ClientCredentialResponse answer;
        try {
            answer = json.readValue(response.body(), ClientCredentialResponse.class);
        } catch (IOException e) {
            throw new OpenAdrException("token endpoint " + tokenUrl + " answered no token: " + e.getMessage(), e);
        }
        if (answer.getAccessToken() == null || answer.getAccessToken().isBlank()) {
            throw new OpenAdrException("token endpoint " + tokenUrl + " answered without access_token");
        }
        token = answer.getAccessToken();
        Integer life = answer.getExpiresIn();
        renewAt = life == null ? null : asked.plusMillis(life * 900L);
    }

    private String errorOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            String error = node.path("error").asText("");
            String description =
                    node.path("error_description").asText(node.path("detail").asText(""));
            return (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description);
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

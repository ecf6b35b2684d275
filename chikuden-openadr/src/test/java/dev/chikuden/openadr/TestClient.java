package dev.chikuden.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A raw HTTP client of a VTN for tests, as Business Logic or a VEN: JSON text in, status and JSON out. */
public final class TestClient {
    public record Answer(int status, String body, HttpResponse<String> response) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    static final ObjectMapper JSON = OpenAdrJson.mapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;

    /** A client that has fetched its token with the given credentials (null: no token). */
    public TestClient(URI base, String clientId, String secret) {
        this.base = base;
        this.token = clientId == null ? null : token(base, clientId, secret);
    }

    public Answer send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return exchange(http, b.build());
    }

    /** The answer of the token endpoint to these credentials. */
    public static Answer askToken(URI base, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return exchange(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
    }

    private static String token(URI base, String clientId, String secret) {
        Answer a = askToken(base, clientId, secret);
        if (a.status() != 200) {
            throw new IllegalStateException("no token for " + clientId + ": " + a.status() + " " + a.body());
        }
        return a.json().get("access_token").asText();
    }

    private static Answer exchange(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.chikuden.openadr;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to one VTN with the bearer token: a 401 renews the token and tries once more; any
 * other error answer or a network failure becomes an {@link OpenAdrException} naming the request.
 */
final class VtnHttp {
    /** The largest page the specification lets a client ask for. */
    private static final int PAGE = 50;

    private final HttpClient http;
    private final ObjectMapper json;
    private final TokenSource tokens;
    private final String base;
    private final Duration timeout;

    VtnHttp(HttpClient http, ObjectMapper json, TokenSource tokens, URI vtnUrl, Duration timeout) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        String url = vtnUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
    }

    /** Every object a search returns, page after page ({@code skip}, {@code limit}). */
    <T> List<T> getAll(String path, Map<String, String> query, Class<T> type) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        List<T> all = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("skip", Integer.toString(skip));
            q.put("limit", Integer.toString(PAGE));
            String target = path + "?" + queryString(q);
            List<T> page = parse("GET", target, send("GET", target, null), listType);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    <T> T post(String path, Object body, Class<T> type) {
        return parse(
                "POST", path, send("POST", path, body), json.getTypeFactory().constructType(type));
    }

    /** The answer's body; an error answer throws. */
    private String send(String method, String path, Object body) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() == 401) {
            tokens.invalidate();
            response = exchange(method, path, body);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new OpenAdrException(
                    "VTN " + method + " " + base + path + " answered HTTP " + status + problemOf(response.body()));
        }
        return response.body();
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // as ObjectMapper.readValue(String, JavaType)
    private <T> T parse(String method, String path, String body, JavaType type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new OpenAdrException(
                    "VTN " + method + " " + base + path + " answered a body that is not " + type.getGenericSignature()
                            + ": " + e.getMessage(),
                    e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        tokens.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OpenAdrException("VTN " + base + " unreachable (" + method + " " + path + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAdrException("interrupted during " + method + " " + base + path, e);
        }
    }

    private String problemOf(String body) {
        try {
            JsonNode p = json.readTree(body);
            String title = p.path("title").asText("");
            String detail = p.path("detail").asText("");
            return (title.isEmpty() ? "" : " " + title) + (detail.isEmpty() ? "" : ": " + detail);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** An I/O failure in words: a refused connection has no message of its own. */
    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String queryString(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

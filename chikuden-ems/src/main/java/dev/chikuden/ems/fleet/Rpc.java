package dev.chikuden.ems.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC 2.0 message between a site and its fleet: a request ({@code id} and {@code method}),
 * a notification ({@code method}, no {@code id}) or a response ({@code id} with {@code result} or
 * {@code error}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rpc(String jsonrpc, Long id, String method, JsonNode params, JsonNode result, Error error) {
    public static final String VERSION = "2.0";

    /** JSON-RPC's codes: invalid request, method not found, invalid params; and ours for a refused token. */
    public static final int INVALID_REQUEST = -32600;

    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int UNAUTHORIZED = -32001;

    public record Error(int code, String message) {}

    /** The mapper both ends use: fields it does not know are skipped, so either end may be newer. */
    public static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public static Rpc request(long id, String method, JsonNode params) {
        return new Rpc(VERSION, id, method, params, null, null);
    }

    public static Rpc result(long id, JsonNode result) {
        return new Rpc(VERSION, id, null, null, result, null);
    }

    public static Rpc error(Long id, int code, String message) {
        return new Rpc(VERSION, id, null, null, null, new Error(code, message));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRequest() {
        return method != null;
    }
}

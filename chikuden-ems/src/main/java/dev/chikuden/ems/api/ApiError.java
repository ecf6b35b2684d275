package dev.chikuden.ems.api;

/**
 * A request the API refuses, answered as {@code {"error": message, "field": field}} with the status;
 * the field names the query parameter or body field at fault, or is null.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String field;

    ApiError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, message, field);
    }
}

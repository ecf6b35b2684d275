package dev.chikuden.openadr.vtn;

/** An error answer of the VTN: the HTTP status and the problem's title and detail (schema {@code problem}). */
final class VtnError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;

    VtnError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static VtnError badRequest(String detail) {
        return new VtnError(400, "Bad Request", detail);
    }

    static VtnError forbidden(String detail) {
        return new VtnError(403, "Forbidden", detail);
    }

    static VtnError notFound(String detail) {
        return new VtnError(404, "Not Found", detail);
    }

    static VtnError conflict(String detail) {
        return new VtnError(409, "Conflict", detail);
    }
}

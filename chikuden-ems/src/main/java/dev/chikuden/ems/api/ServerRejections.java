package dev.chikuden.ems.api;

import java.time.Clock;
import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's error handler, through which Jetty answers every request it rejects before any
 * handler ran: a request line or URI it cannot take ({@code %00}, {@code ..;}), a blank or missing
 * {@code Host}, headers over the limit (431), an unknown version (505). The API never sees those.
 * Each is logged at WARN (method, path as received, status, client address, Jetty's reason), and
 * a write among them (POST, PUT, PATCH, DELETE) is also audited as refused, before the answer, as
 * {@link RefusalAudit} allows: the token was never checked. Header values are never logged.
 */
final class ServerRejections extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRejections.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The most of a path or reason logged. */
    static final int MAX_TEXT = 200;

    private final RefusalAudit refusals;
    private final Clock clock;

    ServerRejections(RefusalAudit refusals, Clock clock) {
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = response.getStatus();
        if (status >= 400
                && request.getContext()
                        == request.getConnectionMetaData()
                                .getConnector()
                                .getServer()
                                .getContext()) { // no handler took it: the application never ran
            record(request, status);
        }
        return super.handle(request, response, callback);
    }

    private void record(Request request, int status) {
        RawTargetConnectionFactory.RequestLine unparsed = RawTargetConnectionFactory.unparsed(
                request.getConnectionMetaData().getConnection());
        String method;
        String path;
        if (unparsed != null) {
            method = unparsed.method();
            path = withoutQuery(unparsed.target());
        } else if ("BAD".equals(request.getMethod())
                && "/badMessage".equals(request.getHttpURI().getPath())) {
            method = null; // Jetty's stand-in for a request line it could not read
            path = null;
        } else {
            method = request.getMethod();
            path = request.getHttpURI().getPath();
        }
        String shownPath = path == null ? null : printable(path);
        String client = Request.getRemoteAddr(request);
        String reason = printable("refused by the HTTP server before the API: " + reason(request, status));
        LOG.warn(
                "{} from {}: {} {}",
                method == null ? "an unreadable request line" : method + " " + shownPath,
                client,
                status,
                reason);
        if (method != null && WRITES.contains(method)) {
            refusals.record(
                    client,
                    true,
                    clock.millis(),
                    () -> new AuditLog.Entry(
                            clock.instant().toString(),
                            "refused",
                            status,
                            reason,
                            new AuditLog.Who(client, null, null),
                            new AuditLog.What(method, shownPath, null, null, null, null),
                            null,
                            null));
        }
    }

    /** Jetty's message, with the cause's when the message is only the status's name. */
    private static String reason(Request request, int status) {
        String message = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : HttpStatus.getMessage(status);
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t.getCause() : null;
        return message.equals(HttpStatus.getMessage(status)) && cause != null && cause.getMessage() != null
                ? message + " (" + cause.getMessage() + ")"
                : message;
    }

    private static String withoutQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The text with control characters escaped, cut after {@link #MAX_TEXT} characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}

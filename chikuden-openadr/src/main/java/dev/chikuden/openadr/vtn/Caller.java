package dev.chikuden.openadr.vtn;

import io.javalin.http.Context;
import java.util.List;

/** The client behind a request (its bearer token checked before every route), and what it may do. */
final class Caller {
    private static final String ATTRIBUTE = "openadr.client";
    private static final int MAX_LIMIT = 50;

    private Caller() {}

    static void set(Context ctx, VtnClient client) {
        ctx.attribute(ATTRIBUTE, client);
    }

    static VtnClient of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    static boolean isVen(Context ctx) {
        return of(ctx).role() == VtnClient.Role.VEN;
    }

    /** Refuses (403) a client without the role, naming the scope the specification gives the operation. */
    static void require(Context ctx, VtnClient.Role role, String scope) {
        VtnClient c = of(ctx);
        if (c.role() != role) {
            throw VtnError.forbidden("client '" + c.clientId() + "' (" + c.role() + ") lacks scope " + scope
                    + ", which only " + role + " clients have");
        }
    }

    /** The page {@code skip} and {@code limit} (0 to 50) ask for. */
    static <T> List<T> page(Context ctx, List<T> all) {
        int skip = number(ctx, "skip", 0, Integer.MAX_VALUE, 0);
        int limit = number(ctx, "limit", 0, MAX_LIMIT, MAX_LIMIT);
        return skip >= all.size() ? List.of() : all.subList(skip, Math.min(all.size(), skip + limit));
    }

    private static int number(Context ctx, String name, int min, int max, int absent) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw VtnError.badRequest(
                "query parameter " + name + "='" + text + "' is not an integer from " + min + " to " + max);
    }
}

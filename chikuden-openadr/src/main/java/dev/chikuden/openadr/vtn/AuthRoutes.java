package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.AuthError;
import dev.chikuden.openadr.model.AuthServerInfo;
import dev.chikuden.openadr.model.ClientCredentialResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;

/**
 * The token endpoint (OAuth2 client credentials, RFC 6749 4.4: errors as RFC 6749 5.2, 401 for a
 * client that fails to authenticate), and the bearer check before every other route (401 without a
 * valid token).
 */
final class AuthRoutes {
    static final String TOKEN_PATH = "/auth/token";

    private final TokenIssuer issuer;

    AuthRoutes(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    void register(RoutesConfig routes) {
        routes.before(this::authenticate);
        routes.post(TOKEN_PATH, this::token);
        routes.get("/auth/server", ctx -> ctx.json(new AuthServerInfo().tokenURL(tokenUrl(ctx))));
    }

    private static URI tokenUrl(Context ctx) {
        return URI.create(ctx.scheme() + "://" + ctx.host() + TOKEN_PATH);
    }

    private void authenticate(Context ctx) {
        if (ctx.path().startsWith("/auth/")) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        VtnClient client = issuer.clientOf(token).orElse(null);
        if (client == null) {
            ctx.header(
                    "WWW-Authenticate",
                    "Bearer realm=\"openadr\"" + (token == null ? "" : ", error=\"invalid_token\""));
            throw new VtnError(
                    401,
                    "Unauthorized",
                    token == null
                            ? "the request needs the header \"Authorization: Bearer <token>\" (token from POST "
                                    + TOKEN_PATH + ")"
                            : "the bearer token is unknown or has expired; get a new one from POST " + TOKEN_PATH);
        }
        Caller.set(ctx, client);
    }

    private void token(Context ctx) {
        String grant = ctx.formParam("grant_type");
        String id = ctx.formParam("client_id");
        String secret = ctx.formParam("client_secret");
        if (grant == null || id == null || secret == null) {
            oauthError(
                    ctx,
                    400,
                    AuthError.ErrorEnum.INVALID_REQUEST,
                    "grant_type, client_id and client_secret are required (form)");
            return;
        }
        if (!"client_credentials".equals(grant)) {
            oauthError(ctx, 400, AuthError.ErrorEnum.UNSUPPORTED_GRANT_TYPE, "only client_credentials is supported");
            return;
        }
        String token = issuer.issue(id, secret).orElse(null);
        if (token == null) {
            oauthError(ctx, 401, AuthError.ErrorEnum.INVALID_CLIENT, "unknown client_id or wrong client_secret");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(new ClientCredentialResponse()
                .accessToken(token)
                .tokenType(ClientCredentialResponse.TokenTypeEnum.BEARER)
                .expiresIn(Math.toIntExact(issuer.lifetime().toSeconds())));
    }

    private static void oauthError(Context ctx, int status, AuthError.ErrorEnum error, String description) {
        ctx.status(status).json(new AuthError().error(error).errorDescription(description));
    }
}

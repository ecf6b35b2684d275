package dev.chikuden.ems.api;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that keep the method and target of a request whose target Jetty cannot
 * parse (a {@code %00} in the path, say). Jetty answers such a request 400 as {@code BAD
 * /badMessage}, having dropped both, so without them {@link ServerRejections} could not tell a
 * refused write from a read.
 */
final class RawTargetConnectionFactory extends HttpConnectionFactory {
    /** A request line as received: the method and the target, undecoded. */
    record RequestLine(String method, String target) {}

    RawTargetConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        KeepingConnection connection = new KeepingConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** The request line whose target this connection could not parse, or null. */
    static RequestLine unparsed(Connection connection) {
        return connection instanceof KeepingConnection k ? k.unparsed : null;
    }

    private static final class KeepingConnection extends HttpConnection {
        /** Set at most once: Jetty closes the connection after such a request. */
        private volatile RequestLine unparsed;

        KeepingConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
            try {
                return super.newHttpStream(method, uri, version);
            } catch (RuntimeException e) {
                unparsed = new RequestLine(method, uri);
                throw e;
            }
        }
    }
}

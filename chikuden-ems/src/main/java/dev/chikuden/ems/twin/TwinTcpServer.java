package dev.chikuden.ems.twin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modbus TCP framing for the twin, after the Modbus Messaging on TCP/IP Implementation Guide V1.0b:
 * each frame is a 7-byte MBAP header (transaction id, protocol id 0, the length of what follows,
 * unit id) and a PDU, at most 260 bytes in all. A frame is delimited by its length field alone, so
 * one that is malformed (another protocol id, a length with no function code or past 254, a PDU that
 * does not fit its function) is logged in one WARN line and the connection serves the next frame;
 * only a frame cut short (the client closed, or went quiet mid-frame) ends the connection.
 *
 * <p>A thread per connection: the twin has a handful of clients, an EMS and a person with mbpoll.
 */
final class TwinTcpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwinTcpServer.class);

    /** The unit id and a PDU of at most 253 bytes. */
    static final int MAX_LENGTH = 254;

    /** How long a client may pause inside a frame; between frames it may be idle for ever. */
    static final int FRAME_TIMEOUT_MS = 2_000;

    /** Connections beyond these are closed at once, so a client cannot exhaust the twin's threads. */
    static final int MAX_CONNECTIONS = 64;

    private final TwinServices services;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ServerSocket server;

    /** Binds {@code host:port} and starts accepting. */
    TwinTcpServer(TwinServices services, String host, int port) throws IOException {
        this.services = services;
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        daemon(this::accept, "chikuden-twin-modbus-" + port).start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (clients.size() >= MAX_CONNECTIONS) {
                LOG.warn(
                        "Modbus client {} refused: {} connections are open already",
                        s.getRemoteSocketAddress(),
                        MAX_CONNECTIONS);
                closeQuietly(s);
                continue;
            }
            clients.add(s);
            daemon(() -> serve(s), "chikuden-twin-modbus-" + s.getRemoteSocketAddress())
                    .start();
        }
    }

    private void serve(Socket s) {
        String client = String.valueOf(s.getRemoteSocketAddress());
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(FRAME_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (frame(client, in, out)) {
                // next frame
            }
        } catch (IOException e) {
            LOG.debug("Modbus client {}: {}", client, e.toString());
        } finally {
            clients.remove(s);
        }
    }

    /** Reads and answers one frame; false when the connection is over. */
    private boolean frame(String client, InputStream in, OutputStream out) throws IOException {
        byte[] prefix = new byte[6]; // transaction id, protocol id, length
        int first = firstByte(in);
        if (first < 0) {
            return false; // closed between frames, as clients do
        }
        prefix[0] = (byte) first;
        if (!readFully(client, in, prefix, 1, 0, prefix.length)) {
            return false;
        }
        int protocol = TwinServices.u16(prefix, 2);
        int length = TwinServices.u16(prefix, 4); // the unit id and the PDU
        int frameLength = prefix.length + length;
        byte[] body = new byte[Math.min(length, MAX_LENGTH)];
        if (!readFully(client, in, body, 0, prefix.length, frameLength)
                || !skip(client, in, length - body.length, prefix.length + body.length, frameLength)) {
            return false;
        }
        if (protocol != 0) {
            LOG.warn("Modbus client {}: frame with protocol id {} (Modbus is 0) discarded", client, protocol);
        } else if (length < 2) {
            LOG.warn("Modbus client {}: frame with MBAP length {} has no function code; discarded", client, length);
        } else if (length > MAX_LENGTH) {
            LOG.warn("Modbus client {}: frame with MBAP length {} (at most {}) discarded", client, length, MAX_LENGTH);
        } else {
            int unitId = body[0] & 0xFF;
            TwinServices.Answer a = services.answer(unitId, Arrays.copyOfRange(body, 1, body.length));
            if (a.malformed() != null) {
                LOG.warn("Modbus client {}: malformed frame: {}; answered exception 03", client, a.malformed());
            }
            byte[] response = new byte[7 + a.pdu().length];
            System.arraycopy(prefix, 0, response, 0, 4); // the request's transaction and protocol id
            response[4] = (byte) ((a.pdu().length + 1) >> 8);
            response[5] = (byte) (a.pdu().length + 1);
            response[6] = (byte) unitId;
            System.arraycopy(a.pdu(), 0, response, 7, a.pdu().length);
            out.write(response);
            out.flush();
        }
        return true;
    }

    /** The first byte of a frame, waiting as long as the client likes; -1 at the end of the stream. */
    private static int firstByte(InputStream in) throws IOException {
        while (true) {
            try {
                return in.read();
            } catch (SocketTimeoutException idle) {
                // an idle client between frames: keep waiting
            }
        }
    }

    /**
     * Fills {@code b} from index {@code from}; false, with a WARN, when the frame is cut short.
     *
     * @param before the frame's bytes that came before {@code b[0]}
     */
    private static boolean readFully(String client, InputStream in, byte[] b, int from, int before, int frameLength)
            throws IOException {
        for (int at = from; at < b.length; ) {
            int n = read(in, b, at, b.length - at);
            if (n < 0) {
                truncated(client, before + at, frameLength, n);
                return false;
            }
            at += n;
        }
        return true;
    }

    /** Reads past {@code count} bytes of a frame too long to be Modbus, to reach the next frame. */
    private static boolean skip(String client, InputStream in, int count, int before, int frameLength)
            throws IOException {
        byte[] sink = new byte[Math.min(count, 4096)];
        for (int done = 0; done < count; ) {
            int n = read(in, sink, 0, Math.min(count - done, sink.length));
            if (n < 0) {
                truncated(client, before + done, frameLength, n);
                return false;
            }
            done += n;
        }
        return true;
    }

    /** Bytes read, -1 at the end of the stream, -2 when the client went quiet mid-frame. */
    private static int read(InputStream in, byte[] b, int at, int count) throws IOException {
        try {
            return in.read(b, at, count);
        } catch (SocketTimeoutException quiet) {
            return -2;
        }
    }

    private static void truncated(String client, int got, int frameLength, int why) {
        LOG.warn(
                "Modbus client {}: truncated frame: {} of {} bytes, then {}; connection closed",
                client,
                got,
                frameLength,
                why == -1 ? "the client closed" : "nothing for " + FRAME_TIMEOUT_MS + " ms");
    }

    int port() {
        return server.getLocalPort();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // the port is released with the socket either way
        }
        clients.forEach(TwinTcpServer::closeQuietly);
    }
}

package dev.chikuden.fleet.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a site and its fleet that a test can cut (connections closed, new ones
 * refused), stall (connections kept, nothing forwarded: a silent site) and restore, on a fixed port.
 */
final class LinkProxy implements AutoCloseable {
    private final int upstreamPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean stalled;
    private volatile ServerSocket server;

    LinkProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        this.port = FleetRig.freePort();
        restore();
    }

    int port() {
        return port;
    }

    /** Closes every connection and refuses new ones until {@link #restore}. */
    synchronized void cut() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }

    /** Keeps the connections open but forwards nothing until {@link #restore}. */
    void stall() {
        stalled = true;
    }

    synchronized void restore() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
        if (server != null && !server.isClosed()) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = server;
        Thread accept = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket in = listening.accept();
                            Socket out = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                            open.add(in);
                            open.add(out);
                            pump(in, out);
                            pump(out, in);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            synchronized (gate) {
                                while (stalled) {
                                    gate.wait();
                                }
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the other side went, or the test cut it
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException e) {
                            // closing anyway
                        }
                    }
                },
                "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        cut();
    }
}

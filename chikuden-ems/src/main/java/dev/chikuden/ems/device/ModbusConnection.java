package dev.chikuden.ems.device;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One TCP connection to a Modbus host:port, shared by every unit id behind it; requests are
 * pipelined on it. A request fails after the timeout and is retried within the call; a device
 * answering with a Modbus exception is not retried (it will answer the same). A lost connection is
 * reopened on demand, first after the configured back-off, then after twice as long each failed
 * attempt, up to {@link #MAX_BACKOFF_MS}; until then requests fail at once.
 */
final class ModbusConnection implements AutoCloseable {
    static final long MAX_BACKOFF_MS = 30_000;

    private final String address;
    private final NettyTcpClientTransport transport;
    private final ModbusTcpClient client;
    private final int retries;
    private final long firstBackoffMs;
    private final LongSupplier nanoClock;

    private final Object lock = new Object();
    private CompletableFuture<Void> connecting;
    private long nextAttemptNanos;
    private long backoffMs;
    private volatile long generation;
    private volatile boolean closed;

    ModbusConnection(String host, int port, long timeoutMs, int retries, long firstBackoffMs, LongSupplier nanoClock) {
        this.address = host + ":" + port;
        this.retries = retries;
        this.firstBackoffMs = firstBackoffMs;
        this.backoffMs = firstBackoffMs;
        this.nanoClock = nanoClock;
        this.nextAttemptNanos = nanoClock.getAsLong(); // the first attempt at once
        this.transport = NettyTcpClientTransport.create(c -> {
            c.setHostname(host);
            c.setPort(port);
            c.setConnectTimeout(Duration.ofMillis(Math.max(timeoutMs, 100)));
            c.setConnectPersistent(false); // a failed connect fails: the back-off here decides when to try again
            c.setReconnectLazy(true); // nor does a lost connection reconnect by itself
        });
        this.client = ModbusTcpClient.create(transport, c -> c.setRequestTimeout(Duration.ofMillis(timeoutMs)));
        transport.addConnectionListener(new NettyTcpClientTransport.ConnectionListener() {
            @Override
            public void onConnection() {
                synchronized (lock) {
                    generation++;
                    backoffMs = ModbusConnection.this.firstBackoffMs;
                }
            }

            @Override
            public void onConnectionLost() {
                synchronized (lock) {
                    nextAttemptNanos = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
                }
            }
        });
    }

    /** {@code host:port}. */
    String address() {
        return address;
    }

    /**
     * Counts the connections made so far: a device caches what it reads once per connection (its
     * scale factors) under this number, since a device that restarted may answer differently.
     */
    long generation() {
        return generation;
    }

    CompletableFuture<byte[]> readHolding(int unitId, int start, int count) {
        return call(
                () -> client.readHoldingRegistersAsync(unitId, new ReadHoldingRegistersRequest(start, count))
                        .thenApply(r -> r.registers()),
                "unit " + unitId + " reading " + count + " registers at " + start);
    }

    CompletableFuture<Void> writeRegisters(int unitId, int start, byte[] values) {
        return call(
                () -> client.writeMultipleRegistersAsync(
                                unitId, new WriteMultipleRegistersRequest(start, values.length / 2, values))
                        .thenApply(r -> (Void) null),
                "unit " + unitId + " writing " + values.length / 2 + " registers at " + start);
    }

    private <T> CompletableFuture<T> call(Supplier<CompletionStage<T>> request, String what) {
        return attempt(request, what, retries);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // whenComplete hands each outcome to result, the future returned
    private <T> CompletableFuture<T> attempt(Supplier<CompletionStage<T>> request, String what, int retriesLeft) {
        CompletableFuture<T> result = new CompletableFuture<>();
        connected().thenCompose(v -> request.get()).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ModbusResponseException e) {
                result.completeExceptionally(new DeviceException(
                        address + " " + what + ": the device answered "
                                + ExceptionCode.from(e.getExceptionCode())
                                        .map(Enum::name)
                                        .orElse("code " + e.getExceptionCode()),
                        e));
            } else if (retriesLeft > 0 && !closed) {
                attempt(request, what, retriesLeft - 1).whenComplete((v2, e2) -> {
                    if (e2 == null) {
                        result.complete(v2);
                    } else {
                        result.completeExceptionally(e2);
                    }
                });
            } else {
                result.completeExceptionally(
                        cause instanceof DeviceException
                                ? cause
                                : new DeviceException(address + " " + what + ": " + describe(cause), cause));
            }
        });
        return result;
    }

    /** Completes once connected: at once when up, after a connect attempt when the back-off allows one. */
    @SuppressWarnings("FutureReturnValueIgnored") // whenComplete only keeps the back-off; callers get the attempt
    private CompletableFuture<Void> connected() {
        if (transport.isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new DeviceException(address + ": connection closed"));
            }
            if (connecting != null) {
                return connecting;
            }
            long now = nanoClock.getAsLong();
            if (now - nextAttemptNanos < 0) {
                return CompletableFuture.failedFuture(new DeviceException(address + ": not connected; next attempt in "
                        + TimeUnit.NANOSECONDS.toMillis(nextAttemptNanos - now) + " ms"));
            }
            CompletableFuture<Void> attempt = client.connectAsync().toCompletableFuture();
            connecting = attempt;
            attempt.whenComplete((v, e) -> {
                synchronized (lock) {
                    connecting = null;
                    if (e != null) {
                        nextAttemptNanos = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
                        backoffMs = Math.min(2 * backoffMs, MAX_BACKOFF_MS);
                    }
                }
            });
            return attempt.exceptionallyCompose(e -> CompletableFuture.failedFuture(
                    new DeviceException(address + ": cannot connect: " + describe(e), e)));
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    @Override
    public void close() {
        closed = true;
        try {
            client.disconnectAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway: the channel goes with the process
        }
    }
}

package dev.chikuden.ems.api;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.gridcode.GridCodeRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A fake service behind a real server on a free loopback port, with its audit log in a temporary folder. */
final class ApiFixture implements AutoCloseable {
    static final String TOKEN = "t0ken-Of-The-Tests-7f3a9c";
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final double CONTRACT_KW = 150_000;
    /** The batteries' ratings: setpoints from -3,000 to 5,000 kW are allowed. */
    static final double MAX_CHARGE_KW = 3000;

    static final double MAX_DISCHARGE_KW = 5000;
    /** 2026-07-01 09:00:10 JST: ten seconds into a half-hour slot. */
    static final long START_MS = Instant.parse("2026-07-01T00:00:10Z").toEpochMilli();

    static final Clock FIXED = Clock.fixed(Instant.ofEpochMilli(START_MS), ZoneOffset.UTC);

    final FakeEmsService service;
    final ApiServer server;
    final ApiClient client;
    final Path audit;

    ApiFixture(Path dir, String token) throws IOException {
        this(
                dir.resolve("state/audit.jsonl"),
                "127.0.0.1",
                token,
                new FakeEmsService(START_MS, 1000),
                FIXED,
                ApiServer.MAX_BEHIND);
    }

    ApiFixture(Path audit, String bind, String token, FakeEmsService service, Clock clock, int maxBehind)
            throws IOException {
        this(audit, new EmsConfig.Http(bind, 0, token, "test"), service, clock, maxBehind);
    }

    ApiFixture(Path audit, EmsConfig.Http http, FakeEmsService service, Clock clock, int maxBehind) throws IOException {
        this.service = service;
        this.audit = audit;
        this.server = ApiServer.start(service, http, audit, service.periodMs, limits(CONTRACT_KW), clock, maxBehind);
        this.client = new ApiClient("http://127.0.0.1:" + server.port());
    }

    static SiteLimits limits(double contractKw) {
        return new SiteLimits(TOKYO, contractKw, GridCodeRules.defaults(), MAX_CHARGE_KW, MAX_DISCHARGE_KW);
    }

    /** Waits (at most 10 s) until the server has handed on every cycle the fake ran. */
    void awaitHandedOn() {
        await(() -> server.cyclesHandedOn() >= service.cycles(), "the API to take cycle " + service.cycles());
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

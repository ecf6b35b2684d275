package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.config.EmsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium against a fake service cycling every 200 ms on the real
 * clock: it connects, its numbers follow the cycles, an alarm the service raises appears, the
 * setpoint form shows the API's refusal of a wrong token and sets the setpoint with the right one,
 * the console stays clean, and it reconnects by itself after the server restarts.
 */
class DashboardTest {
    private static final long PERIOD_MS = 200;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // the cycles run until shut down below
    void showsTheLiveSiteAlarmsAndTheSetpointFormsAnswers() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.start()) {
            FakeEmsService service = new FakeEmsService(System.currentTimeMillis(), PERIOD_MS);
            ScheduledExecutorService cycles = Executors.newSingleThreadScheduledExecutor();
            cycles.scheduleAtFixedRate(
                    () -> {
                        long now = System.currentTimeMillis();
                        double swing = 20_000 * Math.sin(now / 3000.0);
                        service.cycleAt(now, 120_000 + swing, 8_000 + swing / 4);
                    },
                    0,
                    PERIOD_MS,
                    TimeUnit.MILLISECONDS);
            ApiFixture api = new ApiFixture(
                    dir.resolve("audit.jsonl"),
                    "127.0.0.1",
                    ApiFixture.TOKEN,
                    service,
                    Clock.systemUTC(),
                    ApiServer.MAX_BEHIND);
            try {
                String url = "http://127.0.0.1:" + api.server.port() + "/";
                long t0 = System.nanoTime();
                browser.open(url);
                browser.awaitTrue("return dashboard.messages >= 3", "three cycles over the WebSocket");
                assertThat(browser.text("#state")).isEqualToIgnoringCase("running");
                assertThat(browser.find("#state").getAttribute("class")).contains("state-running");
                assertThat(browser.text("#link")).isEqualTo("live");

                long cycle = Long.parseLong(browser.text("#cycle"));
                browser.awaitText("#cycle", t -> Long.parseLong(t) >= cycle + 3, "the cycle number to move on");
                browser.awaitTrue("return dashboard.chart.data[0].length >= 5", "the chart to fill");
                assertThat(browser.text("#gridKw")).endsWith("MW");
                assertThat(browser.text("#soc")).endsWith("%");
                assertThat(browser.text("#binding")).isEqualTo("peak-shaving");
                browser.awaitTrue(
                        "return document.querySelectorAll('#gridcode tbody tr').length === 2", "the grid-code table");
                browser.awaitTrue(
                        "return document.querySelectorAll('#timing tbody tr').length === 7", "the timing table");

                service.raise(
                        "device-silent",
                        "meter",
                        "the meter has not answered for 2 cycles",
                        System.currentTimeMillis());
                browser.awaitTrue(
                        "return !!document.querySelector('#alarms li.active[data-code=\"device-silent\"]')",
                        "the raised alarm, highlighted");
                assertThat(browser.text("#alarms li.active")).contains("meter").contains("has not answered");

                browser.find("#spKw").sendKeys("1234");
                browser.find("#spExpiry").clear();
                browser.find("#spExpiry").sendKeys("60");
                browser.find("#spSet").click();
                browser.awaitText("#spAnswer", t -> t.startsWith("401"), "the refusal without a token");
                assertThat(browser.text("#spAnswer")).contains("Authorization");
                browser.find("#spToken").sendKeys("not-the-token");
                browser.find("#spSet").click();
                browser.awaitText("#spAnswer", t -> t.startsWith("403"), "the refusal of a wrong token");
                assertThat(browser.find("#spAnswer").getAttribute("class")).contains("refused");
                assertThat(service.manualSetpoint()).isNull();

                browser.find("#spToken").clear();
                browser.find("#spToken").sendKeys(ApiFixture.TOKEN);
                browser.find("#spSet").click();
                browser.awaitText("#spAnswer", t -> t.startsWith("Set:"), "the setpoint accepted");
                assertThat(service.manualSetpoint().kw()).isEqualTo(1234.0);
                browser.awaitText("#binding", "manual"::equals, "the manual layer to bind");
                browser.awaitText("#batteryKw", "1,234 kW"::equals, "the battery to follow the setpoint");
                browser.awaitText("#manual", t -> t.startsWith("1,234 kW"), "the held setpoint shown");
                // the 401 and the accepted write; the 403 is counted in the 401's window (RefusalLimiter)
                browser.awaitTrue("return document.querySelectorAll('#audit li').length >= 2", "the recent writes");

                System.out.printf(
                        "dashboard: connected, updated, alarm and setpoint checked in %.1f s%n",
                        (System.nanoTime() - t0) / 1e9);
                browser.screenshot(Path.of("target", "dashboard.png"));
                assertThat(browser.js("return dashboard.errors"))
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .isEmpty();
                List<String> console = browser.severeConsoleEntries().stream()
                        .filter(m -> !(m.contains("/api/setpoint") && m.matches(".*status of 40[13].*")))
                        .toList();
                assertThat(console)
                        .as("console errors other than the two refusals asked for")
                        .isEmpty();

                // a restart of the server on the same port: the page reconnects by itself
                int port = api.server.port();
                api.close();
                browser.awaitTrue("return dashboard.socket === 'closed'", "the page to notice");
                assertThat(browser.text("#link")).isEqualTo("reconnecting");
                EmsConfig config = new EmsConfig(
                        PERIOD_MS,
                        1,
                        0,
                        5_000,
                        null,
                        new EmsConfig.Http("127.0.0.1", port, ApiFixture.TOKEN, "test"),
                        null,
                        dir.resolve("audit.jsonl"),
                        dir);
                try (ApiServer again = ApiServer.start(service, config, ApiFixture.limits(150_000))) {
                    long before = ((Number) browser.js("return dashboard.messages")).longValue();
                    browser.awaitTrue(
                            "return dashboard.socket === 'open' && dashboard.messages > " + (before + 2),
                            "the page to reconnect and receive cycles again");
                    assertThat(browser.text("#link")).isEqualTo("live");
                }
                System.out.printf("dashboard: reconnected after %.1f s in all%n", (System.nanoTime() - t0) / 1e9);
            } finally {
                cycles.shutdownNow();
                api.close();
            }
        }
    }

    @Test
    void theApiDocsShowEveryOperationFromTheWebJar() throws Exception {
        try (DashboardBrowser browser = DashboardBrowser.start();
                ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            browser.open("http://127.0.0.1:" + api.server.port() + "/api/docs");
            int routes = api.server.routes().size();
            browser.awaitTrue(
                    "return document.querySelectorAll('.opblock').length === " + routes,
                    "Swagger UI to show the " + routes + " operations");
            assertThat(browser.text(".info .title")).startsWith("Chikuden live EMS API");
            assertThat(browser.js("return docs.errors"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .isEmpty();
            assertThat(browser.severeConsoleEntries()).isEmpty();
        }
    }
}

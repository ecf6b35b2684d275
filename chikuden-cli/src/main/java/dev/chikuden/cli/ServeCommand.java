package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.Secrets;
import dev.chikuden.ems.LiveService;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the site's controller stack live: every cycle it reads the batteries and the grid meter "
                    + "over Modbus TCP, runs the same controllers a study simulates, writes the setpoints and records "
                    + "telemetry. Serves the REST/WebSocket API and the dashboard. A silent device or a refused write "
                    + "puts the batteries in the safe state until every device answers again. Settings: the site "
                    + "file's ems: section; the options below override it. Runs until Ctrl-C, which writes the safe "
                    + "setpoint before it stops."
        })
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--http-port",
            paramLabel = "N",
            description = "The API's port (default: ems.http.port, else 8080).")
    Integer httpPort;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "The API's address (default: ems.http.bind, else 127.0.0.1, this machine only).")
    String bind;

    @Option(
            names = "--device-host",
            paramLabel = "HOST",
            description = "Every device at this host (default: as " + "the site's ems.devices says, else 127.0.0.1).")
    String deviceHost;

    @Option(
            names = "--device-port",
            paramLabel = "N",
            description = "Every device at this port (default: as the " + "site's ems.devices says, else 1502).")
    Integer devicePort;

    @Option(
            names = "--cycle",
            paramLabel = "DURATION",
            description = "The supervisory cycle, 10 ms .. 60 s (default: control.supervisory.period, else 1 s); "
                    + "a fast loop slower than it follows it.")
    String cycle;

    @Override
    public Integer call() throws InterruptedException {
        SiteConfig site = siteFile.read();
        EmsConfig config = overridden(EmsConfigReader.read(site));
        LiveService service = LiveService.start(site, config);
        PrintWriter out = spec.commandLine().getOut();
        out.print(banner(site, config, service));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    service.closeOnShutdown(System.err);
                    stopped.countDown();
                },
                "chikuden-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await(); // until Ctrl-C or SIGTERM: the hook writes the safe setpoint and closes
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private EmsConfig overridden(EmsConfig c) {
        if (cycle != null) {
            long ms;
            try {
                ms = Math.round(Quantities.parse(cycle, Dimension.DURATION) * 1000);
            } catch (QuantityFormatException e) {
                throw new BadInputException("--cycle: " + e.getMessage());
            }
            if (ms < EmsConfigReader.MIN_CYCLE_MS || ms > EmsConfigReader.MAX_CYCLE_MS) {
                throw new BadInputException(
                        "--cycle: \"" + cycle + "\" is outside " + EmsConfigReader.MIN_CYCLE_MS + " ms .. 60 s");
            }
            c = c.withCycleMs(ms);
        }
        if (deviceHost != null || devicePort != null) {
            c = c.withDevicesAt(
                    deviceHost != null ? deviceHost : c.devices().meter().host(),
                    devicePort != null
                            ? port("--device-port", devicePort)
                            : c.devices().meter().port());
        }
        if (httpPort != null || bind != null) {
            EmsConfig.Http h = c.http();
            c = c.withHttp(new EmsConfig.Http(
                    bind != null ? bind : h.bind(),
                    httpPort != null ? port("--http-port", httpPort) : h.port(),
                    h.token(),
                    h.tokenOrigin(),
                    h.allowedOrigins()));
        }
        return c;
    }

    private static int port(String option, int port) {
        if (port < 1 || port > 65_535) {
            throw new BadInputException(option + ": " + port + " is not a TCP port; give 1 .. 65535");
        }
        return port;
    }

    private static String banner(SiteConfig site, EmsConfig c, LiveService service) {
        String host = c.http().bind().contains(":")
                ? "[" + c.http().bind() + "]"
                : c.http().bind();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s: live EMS, cycle %d ms, %d battery units, meter %s:%d unit %d%n",
                site.name(),
                c.cycleMs(),
                c.devices().batteries().size(),
                c.devices().meter().host(),
                c.devices().meter().port(),
                c.devices().meter().unitId()));
        sb.append(String.format(
                Locale.ROOT,
                "dashboard  http://%s:%d/   API http://%s:%d/api/status   " + "OpenAPI /api/openapi.yaml%n",
                host,
                service.httpPort(),
                host,
                service.httpPort()));
        sb.append("write token from ").append(c.http().tokenOrigin()).append('\n');
        sb.append("telemetry  ")
                .append(
                        c.store().jdbcUrl() != null
                                ? "PostgreSQL " + Secrets.mask(c.store().jdbcUrl())
                                : c.store().file().toString())
                .append('\n');
        sb.append("audit log  ").append(c.auditLog()).append('\n');
        sb.append("Ctrl-C writes the safe setpoint (")
                .append(Math.round(c.safeSetpointKw()))
                .append(" kW) and stops.\n");
        return sb.toString();
    }
}

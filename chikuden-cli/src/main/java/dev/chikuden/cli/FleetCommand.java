package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.fleet.mqtt.MqttEdges;
import dev.chikuden.fleet.service.FleetConfig;
import dev.chikuden.fleet.service.FleetConfigReader;
import dev.chikuden.fleet.service.FleetService;
import dev.chikuden.fleet.ven.VenBridge;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "fleet",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the fleet service: the portfolio's sites link to it (each `serve` with ems.fleet), it adds up "
                    + "what they offer, and splits a portfolio request (through its API, or an OpenADR 3 VTN's "
                    + "events when the fleet file has an openadr: section) across the fresh sites, in proportion to "
                    + "their headroom and never past an offer. Serves its REST API and a dashboard. Runs until Ctrl-C."
        })
final class FleetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET.yaml", description = "The fleet file.")
    Path file;

    @Option(
            names = "--http-port",
            paramLabel = "N",
            description = "The port the sites and the API use (default: http.port, else 8090; 0: any free one).")
    Integer httpPort;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such fleet file");
        }
        FleetConfigReader.FleetFile f = FleetConfigReader.read(file);
        FleetConfig config = f.fleet();
        if (httpPort != null) {
            if (httpPort < 0 || httpPort > 65_535) {
                throw new BadInputException("--http-port: " + httpPort + " is not a TCP port; give 0 .. 65535");
            }
            config = config.withPort(httpPort);
        }
        VenBridge ven = f.openadr() == null ? null : new VenBridge(f.openadr(), f.simpleReductions()).start();
        FleetService fleet;
        try {
            fleet = FleetService.start(config, ven);
        } catch (RuntimeException e) {
            if (ven != null) {
                ven.close();
            }
            // a taken port or an audit log that cannot be written: what to change, not a stack trace
            throw new BadInputException(file + ": the fleet cannot start on " + config.bind() + ":" + config.port()
                    + " with its audit log " + config.auditLog() + ": " + e.getMessage()
                    + " (give another --http-port, or an audit path it can write)");
        }
        MqttEdges mqtt = null;
        if (f.mqtt() != null) {
            try {
                mqtt = MqttEdges.start(
                        f.mqtt().url(), f.mqtt().username(), f.mqtt().password(), fleet);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                fleet.close();
                throw new BadInputException(
                        file + ": mqtt: the broker " + f.mqtt().url() + " refused or did not answer (" + e.getMessage()
                                + "); check mqtt.url, username and password");
            }
        }
        MqttEdges broker = mqtt;
        PrintWriter out = spec.commandLine().getOut();
        out.print(banner(config, fleet));
        if (broker != null) {
            out.println("sites also via " + f.mqtt().url() + " (topics PREFIX/up/SITE, PREFIX/down/SITE)");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    if (broker != null) {
                        broker.close();
                    }
                    fleet.close();
                    stopped.countDown();
                },
                "chikuden-fleet-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await(); // until Ctrl-C or SIGTERM; the sites' requests then expire by themselves
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            if (broker != null) {
                broker.close();
            }
            fleet.close();
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private static String banner(FleetConfig c, FleetService fleet) {
        String host = c.bind().contains(":") ? "[" + c.bind() + "]" : c.bind();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s: fleet of %d sites, cycle %d ms, stale after %d cycles, requests held %d cycles%n",
                c.name(),
                c.sites().size(),
                c.cycleMs(),
                c.staleCycles(),
                c.expiryCycles()));
        sb.append(String.format(
                Locale.ROOT,
                "sites link to  ws://%s:%d/edge%ndashboard      http://%s:%d/   API http://%s:%d/api/portfolio%n",
                host,
                fleet.port(),
                host,
                fleet.port(),
                host,
                fleet.port()));
        sb.append("write token    ")
                .append(c.token() == null ? "none: every write is refused" : "set")
                .append('\n');
        if (fleet.ven() != null) {
            sb.append("OpenADR VEN    ").append(fleet.ven().status()).append('\n');
        }
        sb.append("audit log      ").append(c.auditLog()).append('\n');
        sb.append("Ctrl-C stops; each site's request expires and its own strategy takes over.\n");
        return sb.toString();
    }
}

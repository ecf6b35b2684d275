package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.cli.parity.Parity;
import dev.chikuden.cli.parity.ParityFigures;
import dev.chikuden.cli.parity.ParityTable;
import dev.chikuden.cli.parity.ParityWindow;
import dev.chikuden.cli.parity.Replay;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "parity",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Measures parity between the study and live: runs the digital twin and the live service in this "
                    + "process on loopback, in real time, over a window of site time, and the study over the same "
                    + "window and load; prints every grid-code metric, the window's demand (mean import), the "
                    + "battery's energy and SOC and the rules' verdicts of both, with the differences. Live is "
                    + "measured on the twin meter's every tick, averaged over each study step as the study measures "
                    + "itself. By default the window is centred on the study's largest 1-s change of the net load "
                    + "(the site without battery); both sides start 10 s before it so the service has connected.",
            "Exit status: 0 when the verdicts agree, 1 when they differ, 2 for bad input."
        })
final class ParityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "The window's length, run in real time (default: ${DEFAULT-VALUE}).")
    String duration = "2 min";

    @Option(
            names = "--at",
            paramLabel = "SITE_TIME",
            description = "The window's start in site time (2025-08-04T14:30:00, local), instead of around the "
                    + "largest ramp.")
    String at;

    @Option(
            names = "--telemetry",
            paramLabel = "FILE",
            description = "Replay instead: the JSON of a live service's GET /api/telemetry saved to FILE. The study is "
                    + "re-simulated on the measured load (grid + battery, one step per row, from the measured SOC) "
                    + "and compared with the measured grid power: the commissioning check. Needs --from and --to.")
    Path telemetry;

    @Option(names = "--from", paramLabel = "ISO", description = "The replay's first instant (2026-07-01T09:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "The replay's end, exclusive.")
    String to;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() throws InterruptedException {
        SiteConfig site = siteFile.read();
        if (site.batteries().isEmpty()) {
            throw new BadInputException(siteFile.path + ": the site has no battery; live has nothing to run");
        }
        long durationMs;
        try {
            durationMs = Math.round(Quantities.parse(duration, Dimension.DURATION) * 1000);
        } catch (QuantityFormatException e) {
            throw new BadInputException("--duration: " + e.getMessage());
        }
        if (durationMs < 1000) {
            throw new BadInputException("--duration: \"" + duration + "\" is shorter than 1 s");
        }
        ParityFigures f = telemetry != null ? replay(site) : live(site, durationMs);
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.print(json.on ? PlanCommand.JSON.writeValueAsString(f) + "\n" : ParityTable.render(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return f.verdictsAgree() ? Main.OK : Main.FAILURE;
    }

    private ParityFigures replay(SiteConfig site) {
        if (from == null || to == null) {
            throw new BadInputException("--telemetry needs --from and --to");
        }
        if (at != null) {
            throw new BadInputException("--at chooses a live window; a replay takes --from and --to");
        }
        long fromMs = instant("--from", from);
        long toMs = instant("--to", to);
        if (toMs <= fromMs) {
            throw new BadInputException("--to (" + to + ") must be after --from (" + from + ")");
        }
        return Replay.run(site, telemetry, fromMs, toMs);
    }

    private ParityFigures live(SiteConfig site, long durationMs) throws InterruptedException {
        if (from != null || to != null) {
            throw new BadInputException("--from and --to choose a replay's span: give --telemetry FILE too");
        }
        ParityWindow w = Parity.window(site, at == null ? null : atMs(site), durationMs);
        try {
            Path state = Files.createTempDirectory("chikuden-parity");
            try {
                return Parity.run(site, w, state);
            } finally {
                delete(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long instant(String option, String text) {
        try {
            return java.time.Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new BadInputException(
                        option + ": \"" + text + "\" is not an ISO-8601 instant such as 2026-07-01T09:00:00Z");
            }
        }
    }

    private long atMs(SiteConfig site) {
        long epochMs;
        try {
            epochMs = OffsetDateTime.parse(at).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                epochMs =
                        LocalDateTime.parse(at).atZone(site.zone()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new BadInputException("--at: \"" + at
                        + "\" is not a site time such as 2025-08-04T14:30:00 (local) or with an offset");
            }
        }
        return epochMs - SiteModels.timeGrid(site).startEpochMs();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

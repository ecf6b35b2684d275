package dev.chikuden.cli.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A live service's measured telemetry over [from, to): what {@code GET /api/telemetry} returns, saved
 * to a file. One row per cycle (or per aggregate bucket), evenly spaced.
 *
 * @param stepMs the rows' spacing
 * @param soc    the batteries' SOC at the first row
 */
record Telemetry(long startEpochMs, long stepMs, double[] gridKw, double[] batteryKw, double soc) {

    static Telemetry read(Path file, long fromEpochMs, long toEpochMs) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException(
                    "--telemetry: cannot read " + file + " as the JSON of /api/telemetry: " + e.getMessage());
        }
        JsonNode points = root.path("points");
        if (!points.isArray()) {
            throw new BadInputException(
                    "--telemetry: " + file + " has no \"points\" array; save what GET /api/telemetry returns");
        }
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode p : points) {
            long t = p.path("epochMs").asLong();
            if (t >= fromEpochMs && t < toEpochMs) {
                rows.add(p);
            }
        }
        if (rows.size() < 2) {
            throw new BadInputException("--telemetry: " + file + " has " + rows.size()
                    + " rows between --from and --to; a replay needs at least 2");
        }
        long step = rows.get(1).path("epochMs").asLong()
                - rows.get(0).path("epochMs").asLong();
        double[] grid = new double[rows.size()];
        double[] battery = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            long t = r.path("epochMs").asLong();
            long expected = rows.get(0).path("epochMs").asLong() + i * step;
            if (Math.abs(t - expected) > step / 2) {
                throw new BadInputException("--telemetry: " + file + ": the row at epochMs " + t
                        + " breaks the even spacing of " + step + " ms (a gap or a restart); choose --from and --to"
                        + " around it");
            }
            if (!r.path("gridKw").isNumber() || !r.path("batteryKw").isNumber()) {
                throw new BadInputException("--telemetry: " + file + ": the row at epochMs " + t
                        + " has no gridKw or batteryKw (a stale reading); choose --from and --to around it");
            }
            grid[i] = r.path("gridKw").asDouble();
            battery[i] = r.path("batteryKw").asDouble();
        }
        JsonNode soc = rows.get(0).path("soc");
        return new Telemetry(
                rows.get(0).path("epochMs").asLong(),
                step,
                grid,
                battery,
                soc.isNumber() ? soc.asDouble() : Double.NaN);
    }

    /** What the site consumed net of PV, as the meter and the batteries saw it. */
    double[] netLoadKw() {
        double[] out = new double[gridKw.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = gridKw[i] + batteryKw[i];
        }
        return out;
    }
}

package dev.chikuden.ems.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.chikuden.Secrets;
import java.nio.file.Path;
import java.util.List;

/**
 * How the live service runs a site: the {@code ems:} section of the site file, every field with a
 * default, so a study's site file runs live as it is. Powers in kW, times in ms.
 *
 * <p>The API shows it as JSON ({@code GET /api/config}), as operators may see it: the write token
 * and the database password are never written out (they are only ever read in), and a password in
 * the JDBC URL is masked.
 *
 * @param cycleMs        the supervisory cycle's period, control.supervisory.period (10 ms .. 60 s)
 * @param silentCycles   a device silent for more than this many cycles puts the site in the safe state
 * @param safeSetpointKw site battery power held in the safe state ({@code > 0} discharge), usually 0;
 *                       within the batteries' rating
 * @param safeDischargeWithoutMeter whether a discharging safe setpoint is held while the grid meter
 *                       gives no reading (otherwise the safe state then discharges nothing: with no
 *                       grid reading, discharge could export or overload the point of connection)
 * @param watchdogMs     a cycle still running after this long is reported stuck (alarm, safe state)
 * @param devices        where the batteries and the grid meter answer
 * @param http           the API's address and its write token
 * @param store          where telemetry goes
 * @param auditLog       the append-only log of every accepted write
 * @param stateDir       where the service keeps its files (store, audit log, generated token)
 * @param fleet          the fleet service this site links to, or null
 */
public record EmsConfig(
        long cycleMs,
        int silentCycles,
        double safeSetpointKw,
        boolean safeDischargeWithoutMeter,
        long watchdogMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Devices devices,
        @JsonInclude(JsonInclude.Include.NON_NULL) Http http,
        @JsonInclude(JsonInclude.Include.NON_NULL) Store store,
        Path auditLog,
        Path stateDir,
        @JsonInclude(JsonInclude.Include.NON_NULL) FleetLink fleet) {

    /** Not linked to a fleet. */
    public EmsConfig(
            long cycleMs,
            int silentCycles,
            double safeSetpointKw,
            boolean safeDischargeWithoutMeter,
            long watchdogMs,
            Devices devices,
            Http http,
            Store store,
            Path auditLog,
            Path stateDir) {
        this(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                devices,
                http,
                store,
                auditLog,
                stateDir,
                null);
    }

    /**
     * The link to a fleet service ({@code ems.fleet}).
     *
     * @param url the fleet's edge endpoint, {@code ws://} or {@code wss://} (TLS, the JVM's trust store)
     * @param site this site's id in the fleet file
     * @param token this site's token, as the fleet file has it (never shown)
     * @param bufferRecords cycle records kept while the link is down, resent on reconnect; the oldest go
     *     first beyond this
     * @param maxHoldMs the longest this site holds one of the fleet's setpoints without a new one, by its
     *     own clock, whatever the fleet asks
     */
    public record FleetLink(
            java.net.URI url,
            String site,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String token,

            int bufferRecords,
            long maxHoldMs) {
        @Override
        public String toString() {
            return "FleetLink[url=" + url + ", site=" + site + ", buffer=" + bufferRecords + ", maxHold=" + maxHoldMs
                    + " ms]";
        }
    }

    public EmsConfig withFleet(FleetLink link) {
        return new EmsConfig(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                devices,
                http,
                store,
                auditLog,
                stateDir,
                link);
    }

    /** A safe state that discharges only with a grid reading. */
    public EmsConfig(
            long cycleMs,
            int silentCycles,
            double safeSetpointKw,
            long watchdogMs,
            Devices devices,
            Http http,
            Store store,
            Path auditLog,
            Path stateDir) {
        this(cycleMs, silentCycles, safeSetpointKw, false, watchdogMs, devices, http, store, auditLog, stateDir);
    }

    /** The built-in register map (SunSpec-style battery, DER and meter models). */
    public static final String SUNSPEC = "sunspec";

    /** One Modbus TCP device: a battery unit or the grid meter. */
    public record Endpoint(String name, String host, int port, int unitId) {
        public Endpoint at(String newHost, int newPort) {
            return new Endpoint(name, newHost, newPort, unitId);
        }
    }

    /**
     * @param batteries   one endpoint per battery of the site, in the site's order
     * @param meter       the grid meter at the point of connection
     * @param timeoutMs   a request unanswered after this long fails
     * @param retries     further attempts within the cycle before a reading counts as missing
     * @param backoffMs   first wait before reconnecting a lost connection; doubles up to 30 s
     * @param registerMap {@link #SUNSPEC} or the path of a register-map YAML file
     * @param plantController the plant controller, used when the site's fast loop runs in a device
     *                        ({@code control.fast.host: device}); the meter's unit id + 1 by default
     */
    public record Devices(
            List<Endpoint> batteries,
            Endpoint meter,
            long timeoutMs,
            int retries,
            long backoffMs,
            String registerMap,
            Endpoint plantController) {
        /** Without a plant controller of its own: the meter's address, unit id + 1. */
        public Devices(
                List<Endpoint> batteries,
                Endpoint meter,
                long timeoutMs,
                int retries,
                long backoffMs,
                String registerMap) {
            this(
                    batteries,
                    meter,
                    timeoutMs,
                    retries,
                    backoffMs,
                    registerMap,
                    new Endpoint("plant controller", meter.host(), meter.port(), Math.min(247, meter.unitId() + 1)));
        }
    }

    /**
     * @param bind        the address the API listens on (loopback unless told otherwise)
     * @param port        the API's TCP port
     * @param token       the bearer token every write must carry
     * @param tokenOrigin where the token came from, for the start-up message (never the token itself)
     * @param allowedOrigins web origins ({@code scheme://host[:port]}) besides the service's own whose
     *                    pages may open the WebSocket stream
     */
    public record Http(
            String bind,
            int port,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String token,

            String tokenOrigin,
            List<String> allowedOrigins) {
        public Http {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        /** Pages of the service's own origin only. */
        public Http(String bind, int port, String token, String tokenOrigin) {
            this(bind, port, token, tokenOrigin, List.of());
        }

        @Override
        public String toString() {
            return "Http[bind=" + bind + ", port=" + port + ", token from " + tokenOrigin + "]";
        }
    }

    /**
     * @param file                 the embedded DuckDB file, used when {@code jdbcUrl} is null
     * @param jdbcUrl              a PostgreSQL JDBC URL, or null for the embedded file
     * @param user                 database user (PostgreSQL)
     * @param password             database password (PostgreSQL), never shown
     * @param rawRetentionMs       how long raw cycles are kept
     * @param aggregateMs          the bucket of the downsampled aggregates
     * @param aggregateRetentionMs how long aggregates are kept
     */
    public record Store(
            Path file,
            @JsonSerialize(converter = MaskedPassword.class) String jdbcUrl,
            String user,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String password,

            long rawRetentionMs,
            long aggregateMs,
            long aggregateRetentionMs) {
        @Override
        public String toString() {
            return "Store[" + (jdbcUrl == null ? "file=" + file : "jdbcUrl=" + Secrets.mask(jdbcUrl) + ", user=" + user)
                    + ", raw " + rawRetentionMs + " ms, aggregates " + aggregateMs + " ms kept "
                    + aggregateRetentionMs + " ms]";
        }
    }

    /** A JDBC URL as JSON shows it: its credentials masked. */
    private static final class MaskedPassword extends StdConverter<String, String> {
        @Override
        public String convert(String jdbcUrl) {
            return Secrets.mask(jdbcUrl);
        }
    }

    /** The same service with every device at another host and port (the command line's override). */
    public EmsConfig withDevicesAt(String host, int port) {
        List<Endpoint> moved =
                devices.batteries().stream().map(e -> e.at(host, port)).toList();
        Devices d = new Devices(
                moved,
                devices.meter().at(host, port),
                devices.timeoutMs(),
                devices.retries(),
                devices.backoffMs(),
                devices.registerMap(),
                devices.plantController().at(host, port));
        return new EmsConfig(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                d,
                http,
                store,
                auditLog,
                stateDir,
                fleet);
    }

    public EmsConfig withHttp(Http newHttp) {
        return new EmsConfig(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                devices,
                newHttp,
                store,
                auditLog,
                stateDir,
                fleet);
    }

    public EmsConfig withCycleMs(long newCycleMs) {
        return new EmsConfig(
                newCycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                devices,
                http,
                store,
                auditLog,
                stateDir,
                fleet);
    }

    public EmsConfig withStore(Store newStore) {
        return new EmsConfig(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                watchdogMs,
                devices,
                http,
                newStore,
                auditLog,
                stateDir,
                fleet);
    }
}

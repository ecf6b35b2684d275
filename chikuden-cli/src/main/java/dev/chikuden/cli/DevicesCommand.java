package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.Block;
import dev.chikuden.ems.modbus.DeviceKind;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.EngineeringUnit;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.PointType;
import dev.chikuden.ems.modbus.RegisterCodec;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.modbus.Role;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.units.Quantities;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "devices",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Serves the site's batteries and grid meter over Modbus TCP: a digital twin driven by the "
                    + "study's battery, load and PV models, for the live EMS (chikuden serve) or any Modbus client "
                    + "(mbpoll) to read and command. Battery i of the site is unit i + 1, the grid meter unit 100; "
                    + "SunSpec-style registers from 40000. Site time is the study start plus the time since starting, "
                    + "wrapping at the end of the study period. Runs until Ctrl-C."
        })
final class DevicesCommand implements Callable<Integer> {
    /** The points the unit map shows, as a client needs them. */
    private static final List<Role> BESS_KEYS = List.of(
            Role.SOC,
            Role.SOC_MIN,
            Role.SOC_MAX,
            Role.POWER,
            Role.SETPOINT_ENABLE,
            Role.SETPOINT,
            Role.REVERT_TIMEOUT,
            Role.MAX_CHARGE,
            Role.MAX_DISCHARGE,
            Role.STATE,
            Role.ALARMS);

    private static final List<Role> METER_KEYS =
            List.of(Role.POWER, Role.FREQUENCY, Role.IMPORT_ENERGY, Role.EXPORT_ENERGY);

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.SiteFile siteFile;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "The TCP port to serve on (default: the site's ems.devices.port, else 1502).")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = EmsConfigReader.DEFAULT_HOST;

    @Override
    public Integer call() {
        if (port != null && (port < 1 || port > 65_535)) {
            throw new BadInputException("--port: " + port + " is not a TCP port; give 1 .. 65535");
        }
        SiteConfig site = siteFile.read();
        EmsConfig.Devices devices = EmsConfigReader.read(site).devices();
        if (port == null) {
            port = devices.meter().port();
        }
        DeviceSimulator sim = new DeviceSimulator(
                site, devices, RegisterMap.load(devices.registerMap()), DeviceSimulator.Options.defaults());
        sim.start(host, port);
        Thread hook = new Thread(sim::close, "chikuden-devices-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PrintWriter w = spec.commandLine().getOut();
            w.print(unitMap(site, sim));
            w.flush();
            new CountDownLatch(1).await(); // until Ctrl-C (the hook stops the server) or an interrupt
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return Main.OK;
    }

    private String unitMap(SiteConfig site, DeviceSimulator sim) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s: Modbus TCP digital twin on %s:%d, register map %s%n",
                site.name(),
                host,
                port,
                sim.registerMap().name()));
        if (!loopback(host)) {
            sb.append("WARNING: ")
                    .append(host)
                    .append(" is not a loopback address: anyone who reaches it can command "
                            + "the simulated batteries\n");
        }
        sb.append(String.format(
                Locale.ROOT,
                "site time %s + time since start, wrapping every %s; models step every " + "%d ms%n",
                Instant.ofEpochMilli(sim.timeGrid().startEpochMs())
                        .atZone(site.zone())
                        .toOffsetDateTime(),
                Quantities.formatDuration(sim.timeGrid().durationSeconds()),
                sim.options().tickMs()));
        sb.append(String.format(
                Locale.ROOT,
                "%n%5s  %-16s %-6s %s%n",
                "unit",
                "device",
                "kind",
                "blocks (SunSpec model id, or name, @ first register)"));
        DeviceSimulator.ServedDevice firstBattery = null;
        DeviceSimulator.ServedDevice meter = null;
        for (DeviceSimulator.ServedDevice u : sim.servedDevices()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%5d  %-16s %-6s %s%n",
                    u.unitId(),
                    u.name(),
                    u.map().kind().yamlName(),
                    blocks(u.map())));
            if (u.map().kind() == DeviceKind.BESS && firstBattery == null) {
                firstBattery = u;
            } else if (u.map().kind() == DeviceKind.METER) {
                meter = u;
            }
        }
        if (firstBattery != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nbattery unit registers (holding registers, 0-based addresses; "
                            + "scale factors as %s serves them, each unit sets its own):%n",
                    firstBattery.name()));
            keys(sb, sim, firstBattery, BESS_KEYS);
        }
        sb.append(String.format(Locale.ROOT, "%ngrid meter registers:%n"));
        keys(sb, sim, meter, METER_KEYS);
        if (firstBattery != null) {
            DeviceMap bess = firstBattery.map();
            sb.append(String.format(
                    Locale.ROOT,
                    "%nread the SOC of unit %d:%n     mbpoll -m tcp -p %d -a %d -0 -r %d -1 %s%n",
                    firstBattery.unitId(),
                    port,
                    firstBattery.unitId(),
                    bess.point(Role.SOC).address(),
                    host));
            sb.append(String.format(
                            Locale.ROOT,
                            "command it (a unit reverts to 0 kW when no setpoint arrives for its "
                                    + "revert timeout):%n"))
                    .append(mbpollSetpoint(sim, firstBattery));
        }
        sb.append("Ctrl-C stops.\n");
        return sb.toString();
    }

    private static String blocks(DeviceMap map) {
        StringBuilder sb = new StringBuilder();
        for (Block b : map.blocks()) {
            sb.append(b.isModel() ? (b.modelId() == Block.END_MODEL ? "end" : Integer.toString(b.modelId())) : b.name())
                    .append('@')
                    .append(b.start())
                    .append(' ');
        }
        return sb.toString().trim();
    }

    private static void keys(
            StringBuilder sb, DeviceSimulator sim, DeviceSimulator.ServedDevice unit, List<Role> roles) {
        sb.append(String.format(
                Locale.ROOT,
                "  %-15s %-14s %7s  %-10s %-4s %-2s %s%n",
                "role",
                "point",
                "address",
                "type",
                "unit",
                "",
                "scale"));
        for (Role r : roles) {
            Point p = unit.map().point(r);
            if (p != null) {
                String scale = p.scaleFactor() == null
                        ? (p.exponent() == 0 ? "" : "x 10^" + p.exponent())
                        : "x 10^" + p.scaleFactor().name() + " ("
                                + p.scaleFactor().address() + ", now " + sim.exponent(unit.unitId(), p) + ")";
                if (!p.states().isEmpty()) {
                    scale = String.join(
                            ", ",
                            p.states().entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .toList());
                }
                sb.append(String.format(
                                        Locale.ROOT,
                                        "  %-15s %-14s %7d  %-10s %-4s %-2s %s",
                                        r.yamlName(),
                                        p.name(),
                                        p.address(),
                                        p.type().yamlName(),
                                        p.unit() == EngineeringUnit.NONE
                                                ? ""
                                                : p.unit().symbol(),
                                        p.writable() ? "rw" : "",
                                        scale)
                                .stripTrailing())
                        .append('\n');
            }
        }
    }

    /** mbpoll commands that write what a driver writes with a setpoint, and a setpoint of -100 kW (charge). */
    private String mbpollSetpoint(DeviceSimulator sim, DeviceSimulator.ServedDevice unit) {
        StringBuilder sb = new StringBuilder();
        List<Point> constants = unit.map().points().stream()
                .filter(p -> !Double.isNaN(p.write()))
                .toList();
        boolean contiguous = constants.stream().allMatch(p -> p.type().registers() == 1);
        for (int i = 1; i < constants.size(); i++) {
            contiguous &= constants.get(i).address() == constants.get(i - 1).end();
        }
        if (!constants.isEmpty() && contiguous) {
            sb.append(String.format(
                    Locale.ROOT,
                    "     mbpoll -m tcp -p %d -a %d -0 -r %d -1 %s",
                    port,
                    unit.unitId(),
                    constants.get(0).address(),
                    host));
            constants.forEach(p -> sb.append(' ').append((long) p.write()));
            sb.append("   (")
                    .append(String.join(
                            ", ", constants.stream().map(Point::name).toList()))
                    .append(")\n");
        }
        Point setpoint = unit.map().point(Role.SETPOINT);
        String type = setpoint.type() == PointType.FLOAT32
                ? "4:float -B"
                : setpoint.type().registers() == 2 ? "4:int -B" : "4";
        double raw = RegisterCodec.unscale(setpoint.unit().fromInternal(-100), sim.exponent(unit.unitId(), setpoint));
        sb.append(String.format(
                Locale.ROOT,
                "     mbpoll -m tcp -p %d -a %d -0 -r %d -t %s -1 %s -- %s   (%s: charge " + "100 kW)%n",
                port,
                unit.unitId(),
                setpoint.address(),
                type,
                host,
                setpoint.type() == PointType.FLOAT32 ? Double.toString(raw) : Long.toString(Math.round(raw)),
                setpoint.name()));
        return sb.toString();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package dev.chikuden.ems.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drivers against the device simulator on loopback, the simulator stepped by a manual clock. */
class ModbusDriverTest {
    private static final double KW_PER_H = 1 / 3600.0;

    @TempDir
    Path dir;

    private final TestSites.ManualClock clock = new TestSites.ManualClock();
    private final List<AutoCloseable> open = new ArrayList<>();
    private int port;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private EmsConfig.Devices devices(SiteConfig site, String registerMap) {
        port = TestSites.freePort();
        EmsConfig.Devices d = EmsConfigReader.read(site).devices();
        List<EmsConfig.Endpoint> batteries =
                d.batteries().stream().map(e -> e.at("127.0.0.1", port)).toList();
        return new EmsConfig.Devices(batteries, d.meter().at("127.0.0.1", port), 1000, 1, 50, registerMap);
    }

    private DeviceSimulator simulator(SiteConfig site, EmsConfig.Devices devices) {
        DeviceSimulator sim = new DeviceSimulator(
                site, devices, RegisterMap.load(devices.registerMap()), DeviceSimulator.Options.manual(100, clock));
        sim.start("127.0.0.1", port);
        open.add(sim);
        return sim;
    }

    private DeviceConnections connect(EmsConfig.Devices devices) {
        DeviceConnections c = DeviceConnections.open(devices);
        open.add(c);
        return c;
    }

    private void run(DeviceSimulator sim, long ms) {
        clock.advance(ms);
        sim.catchUp();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void readingsEqualTheTwinsModelState() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        run(sim, 5_000);

        DeviceSimulator.Snapshot s = sim.snapshot();
        for (int i = 0; i < 2; i++) {
            BessReading r = get(c.batteries().get(i).read());
            DeviceSimulator.BatteryState b = s.batteries().get(i);
            BatteryParameters p = site.batteries().get(i);
            assertThat(r.soc()).isCloseTo(b.soc(), within(0.5e-4)); // SoC_SF = -2: 0.01 %
            assertThat(r.socMin()).isCloseTo(p.socMin(), within(1e-9));
            assertThat(r.socMax()).isCloseTo(p.socMax(), within(1e-9));
            assertThat(r.capacityKwh()).isCloseTo(p.energyKwh(), within(1e-9));
            assertThat(r.stateOfHealth()).isEqualTo(1.0);
            assertThat(r.maxChargeKw()).isCloseTo(b.maxChargeKw(), within(0.005)); // 10 W steps
            assertThat(r.maxDischargeKw()).isCloseTo(b.maxDischargeKw(), within(0.005));
            assertThat(r.powerKw()).isEqualTo(0.0);
            assertThat(r.setpointKw()).isEqualTo(0.0);
            assertThat(r.state()).isEqualTo(BatteryUnitState.STANDBY);
            assertThat(r.alarmBits()).isZero();
        }
        // bess-2 starts at its SOC max: it reports no charge headroom, its full discharge rating
        BessReading full = get(c.batteries().get(1).read());
        assertThat(full.maxChargeKw()).isZero();
        assertThat(full.maxDischargeKw()).isCloseTo(250, within(0.005));

        MeterReading m = get(c.meter().read());
        assertThat(m.gridKw()).isCloseTo(s.gridKw(), within(0.05)); // W_SF = 2: 100 W steps
        assertThat(m.gridKw()).isCloseTo(s.loadKw() - s.pvKw(), within(0.05));
        assertThat(m.frequencyHz()).isEqualTo(60.0);
        assertThat(m.importKwh()).isCloseTo(s.importKwh(), within(0.005)); // TotWh_SF = 1: 10 Wh steps
        assertThat(m.exportKwh()).isZero();
        assertThat(((ModbusBessDevice) c.batteries().get(0)).requestsPerRead()).isEqualTo(1);
    }

    @Test
    void aWrittenSetpointIsAppliedByTheBatteryModel() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        double stored1 = sim.snapshot().batteries().get(0).storedEnergyKwh();
        double stored2 = sim.snapshot().batteries().get(1).storedEnergyKwh();

        get(c.batteries().get(0).writeSetpoint(-200));
        get(c.batteries().get(1).writeSetpoint(100));
        run(sim, 8_000);

        BessReading r1 = get(c.batteries().get(0).read());
        BessReading r2 = get(c.batteries().get(1).read());
        assertThat(r1.setpointKw()).isEqualTo(-200.0);
        assertThat(r1.powerKw()).isEqualTo(-200.0);
        assertThat(r1.state()).isEqualTo(BatteryUnitState.RUNNING);
        assertThat(r2.powerKw()).isEqualTo(100.0);
        DeviceSimulator.Snapshot s = sim.snapshot();
        // 8 s at 200 kW in through 95 %, and 100 kW out through 95 %
        assertThat(s.batteries().get(0).storedEnergyKwh()).isCloseTo(stored1 + 200 * 8 * KW_PER_H * 0.95, within(1e-9));
        assertThat(s.batteries().get(1).storedEnergyKwh()).isCloseTo(stored2 - 100 * 8 * KW_PER_H / 0.95, within(1e-9));
        assertThat(r1.soc()).isCloseTo(s.batteries().get(0).soc(), within(0.5e-4));
        MeterReading m = get(c.meter().read());
        assertThat(m.gridKw()).isCloseTo(s.loadKw() - s.pvKw() + 200 - 100, within(0.05));
    }

    @Test
    void aUnitAtItsSocMaxRefusesCharge() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        BessDevice full = c.batteries().get(1); // starts at 90 % = its SOC max
        double stored = sim.snapshot().batteries().get(1).storedEnergyKwh();

        get(full.writeSetpoint(-250));
        run(sim, 5_000);

        BessReading r = get(full.read());
        assertThat(r.setpointKw()).isEqualTo(-250.0);
        assertThat(r.powerKw()).isZero();
        assertThat(r.maxChargeKw()).isZero();
        assertThat(sim.snapshot().batteries().get(1).storedEnergyKwh()).isEqualTo(stored);
    }

    @Test
    void withoutAFreshSetpointTheUnitRevertsToZeroAfterItsTimeout() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        BessDevice unit = c.batteries().get(0);

        get(unit.writeSetpoint(150));
        run(sim, 6_000);
        get(unit.writeSetpoint(120)); // restarts the 10-s timer
        run(sim, 9_900);
        assertThat(get(unit.read()).powerKw()).isEqualTo(120.0);

        run(sim, 100);
        BessReading reverted = get(unit.read());
        assertThat(reverted.setpointKw()).isZero();
        assertThat(reverted.powerKw()).isZero();
        assertThat(reverted.state()).isEqualTo(BatteryUnitState.STANDBY);
        assertThat(sim.snapshot().batteries().get(0).commandKw()).isZero();
    }

    @Test
    void readsFailWhenTheSimulatorStopsAndRecoverWhenItRestarts() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        BessDevice unit = c.batteries().get(0);
        get(unit.writeSetpoint(100));
        run(sim, 10_000);
        assertThat(get(unit.read()).soc()).isLessThan(0.5);

        sim.close();
        assertThatThrownBy(() -> get(unit.read()))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DeviceException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThatThrownBy(() -> get(c.meter().read())).hasCauseInstanceOf(DeviceException.class);
        assertThatThrownBy(() -> get(c.prepare())).hasCauseInstanceOf(DeviceException.class);

        DeviceSimulator restarted = simulator(site, devices); // fresh models: back at the initial SOC
        BessReading r = null;
        for (int attempt = 0; attempt < 200 && r == null; attempt++) {
            try {
                r = get(unit.read());
            } catch (ExecutionException e) {
                Thread.sleep(25); // the back-off (50 ms) runs on the real clock
            }
        }
        assertThat(r).as("a reading after the restart").isNotNull();
        assertThat(r.soc()).isCloseTo(0.5, within(0.5e-4));
        assertThat(r.powerKw()).isZero();
        get(unit.writeSetpoint(50));
        run(restarted, 1_000);
        assertThat(get(unit.read()).powerKw()).isEqualTo(50.0);
    }

    @Test
    void aHundredUnitsOnOnePortAreReadAndWritten() throws Exception {
        SiteConfig small = TestSites.read(dir, TestSites.SMALL);
        List<BatteryParameters> units = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            BatteryParameters p = small.batteries().get(0);
            units.add(BatteryParameters.reservoir(
                    String.format("bess-%03d", i + 1),
                    p.energyKwh(),
                    p.chargePowerKw(),
                    p.dischargePowerKw(),
                    0.95,
                    0.95,
                    0.1,
                    0.9,
                    0.5,
                    0));
        }
        SiteConfig site = small.withBatteries(units);
        EmsConfig.Devices devices = devices(site, EmsConfig.SUNSPEC);
        assertThat(devices.meter().unitId()).isEqualTo(101);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        get(c.prepare()); // scale factors and ratings of all 101 devices, before the first cycle

        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(c.batteries().get(i).writeSetpoint(setpoint(i)));
        }
        get(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
        run(sim, 1_000);

        List<CompletableFuture<BessReading>> reads = new ArrayList<>();
        for (BessDevice b : c.batteries()) {
            reads.add(b.read());
        }
        CompletableFuture<MeterReading> meter = c.meter().read();
        double sum = 0;
        for (int i = 0; i < 100; i++) {
            BessReading r = get(reads.get(i));
            assertThat(r.powerKw()).as(c.batteries().get(i).name()).isEqualTo(setpoint(i));
            assertThat(r.soc()).isCloseTo(sim.snapshot().batteries().get(i).soc(), within(0.5e-4));
            sum += setpoint(i);
        }
        DeviceSimulator.Snapshot s = sim.snapshot();
        // the meter's full scale is twice the 40 MW of batteries: W_SF = 4, 10 kW steps
        assertThat(get(meter).gridKw()).isCloseTo(s.loadKw() - s.pvKw() - sum, within(5.0));
        assertThat(c.batteries().get(99).address()).isEqualTo("127.0.0.1:" + port + " unit 100");
    }

    private static double setpoint(int i) {
        return (i % 7 - 3) * 10.0;
    }

    @Test
    void aVendorMapWorksJustByPointingRegisterMapAtIt() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        String vendor = Path.of(
                        getClass().getResource("/dev/chikuden/ems/vendor.yaml").toURI())
                .toString();
        EmsConfig.Devices devices = devices(site, vendor);
        DeviceSimulator sim = simulator(site, devices);
        DeviceConnections c = connect(devices);
        assertThat(c.registerMap().name()).isEqualTo("vendor");

        get(c.batteries().get(0).writeSetpoint(-123.45));
        run(sim, 3_000);
        DeviceSimulator.Snapshot s = sim.snapshot();
        BessReading r = get(c.batteries().get(0).read());
        assertThat(r.setpointKw()).isCloseTo(-123.45, within(1e-9));
        assertThat(r.powerKw()).isCloseTo(-123.45, within(0.05)); // 0.1 kW steps
        assertThat(r.soc()).isCloseTo(s.batteries().get(0).soc(), within(0.0005)); // 0.1 %
        assertThat(r.socMin()).isCloseTo(0.1, within(1e-9));
        assertThat(r.capacityKwh()).isCloseTo(1000, within(1e-9));
        assertThat(r.maxChargeKw()).isCloseTo(s.batteries().get(0).maxChargeKw(), within(1e-3)); // float32
        assertThat(r.state()).isEqualTo(BatteryUnitState.RUNNING);
        MeterReading m = get(c.meter().read());
        assertThat(m.gridKw()).isCloseTo(s.gridKw(), within(1e-3));
        assertThat(m.frequencyHz()).isEqualTo(60.0);
        assertThat(m.importKwh()).isCloseTo(s.importKwh(), within(0.005));

        run(sim, 2_000); // the vendor map's 5000-ms command timeout
        assertThat(get(c.batteries().get(0).read()).powerKw()).isZero();
    }
}

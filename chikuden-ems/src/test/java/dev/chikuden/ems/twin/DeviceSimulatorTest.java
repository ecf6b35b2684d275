package dev.chikuden.ems.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.device.BessDevice;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.device.DeviceConnections;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.profile.Profile;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twin's physics, stepped by a manual clock; setpoints reach it over Modbus as in operation. */
class DeviceSimulatorTest {
    @TempDir
    Path dir;

    private final TestSites.ManualClock clock = new TestSites.ManualClock();

    private DeviceSimulator simulator(SiteConfig site, EmsConfig.Devices devices) {
        return new DeviceSimulator(
                site, devices, RegisterMap.load(EmsConfig.SUNSPEC), DeviceSimulator.Options.manual(100, clock));
    }

    private static EmsConfig.Devices onPort(EmsConfig.Devices d, int port) {
        return new EmsConfig.Devices(
                d.batteries().stream().map(e -> e.at("127.0.0.1", port)).toList(),
                d.meter().at("127.0.0.1", port),
                1000,
                1,
                50,
                d.registerMap());
    }

    @Test
    void theMeterBalancesLoadPvAndBatteriesOverARun() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        int port = TestSites.freePort();
        EmsConfig.Devices devices = onPort(EmsConfigReader.read(site).devices(), port);
        try (DeviceSimulator sim = simulator(site, devices);
                DeviceConnections c = DeviceConnections.open(devices)) {
            sim.start("127.0.0.1", port);
            // charge one, discharge the other (it starts full), then swap; each segment re-sends within the timeout
            double[][] setpoints = {{-300, 200}, {-400, 250}, {350, -100}, {0, -250}};
            for (double[] kw : setpoints) {
                for (int i = 0; i < 2; i++) {
                    c.batteries().get(i).writeSetpoint(kw[i]).get(10, TimeUnit.SECONDS);
                }
                clock.advance(7_300);
                sim.catchUp();
            }
            DeviceSimulator.Snapshot s = sim.snapshot();
            long seconds = s.elapsedMs() / 1000;
            assertThat(seconds).isEqualTo(29); // 292 ticks of 100 ms; whole study steps so far: 29

            // the load and PV of the study over the same steps, generated independently
            TimeGrid grid = SiteModels.timeGrid(site);
            double[] load = values(SiteModels.load(site, grid), 30);
            double[] pv = values(SiteModels.pv(site, grid), 30);
            double loadKwh = 0;
            double pvKwh = 0;
            for (int t = 0; t < 292; t++) { // a tick takes the value of the study step it starts in
                loadKwh += load[t / 10] * 0.1 / 3600;
                pvKwh += pv[t / 10] * 0.1 / 3600;
            }
            assertThat(pvKwh).isPositive();
            double batteryKwh = 0; // net AC energy the batteries delivered
            for (DeviceSimulator.BatteryState b : s.batteries()) {
                BatteryLedger l = b.ledger();
                batteryKwh += l.acDischargedKwh() - l.acChargedKwh() - l.auxiliaryKwh();
            }
            assertThat(s.loadKwh()).isCloseTo(loadKwh, within(1e-9));
            assertThat(s.pvKwh()).isCloseTo(pvKwh, within(1e-9));
            assertThat(s.importKwh() - s.exportKwh()).isCloseTo(loadKwh - pvKwh - batteryKwh, within(1e-9));

            // and as the meter's registers give it (TotWh_SF = 1: 10 Wh steps)
            var m = c.meter().read().get(10, TimeUnit.SECONDS);
            assertThat(m.importKwh() - m.exportKwh()).isCloseTo(loadKwh - pvKwh - batteryKwh, within(0.011));
        }
    }

    private static double[] values(Profile p, int steps) {
        double[] out = new double[steps];
        p.fill(0, out, steps);
        return out;
    }

    @Test
    void siteTimeWrapsToTheStudyStartAtTheEndOfThePeriod() {
        SiteConfig site = TestSites.read(
                dir,
                TestSites.SMALL
                        .replace("duration: 1 d, step: 1 s", "duration: 1 h, step: 1 min")
                        .replace("base: 1 MW}", "base: 1 MW, noise: 3 %, seed: 5}"));
        try (DeviceSimulator sim = simulator(site, EmsConfigReader.read(site).devices())) {
            TimeGrid grid = SiteModels.timeGrid(site);
            double[] load = values(SiteModels.load(site, grid), 60);
            clock.advance(3_600_000 + 5 * 60_000 + 30_000);
            sim.catchUp();
            DeviceSimulator.Snapshot s = sim.snapshot();
            assertThat(s.siteEpochMs()).isEqualTo(grid.startEpochMs() + 5 * 60_000 + 30_000);
            // the last tick started 100 ms earlier, in study step 5 of the second pass
            assertThat(s.loadKw()).isEqualTo(load[5]).isNotEqualTo(load[4]).isNotEqualTo(load[6]);
        }
    }

    @Test
    void theLargeExampleCampusStartsAndRuns() {
        SiteConfig site = SiteConfigReader.read(Repository.examples().resolve("sakai-ai-campus.yaml"));
        try (DeviceSimulator sim = simulator(site, EmsConfigReader.read(site).devices())) {
            clock.advance(10_000);
            sim.catchUp();
            DeviceSimulator.Snapshot s = sim.snapshot();
            assertThat(s.loadKw()).isBetween(50_000.0, 200_000.0);
            assertThat(s.gridKw())
                    .isCloseTo(s.loadKw() - s.pvKw() - s.batteries().get(0).powerKw(), within(1e-6));
            assertThat(sim.timeGrid().steps()).isEqualTo(7 * 86_400);
        }
    }

    @Test
    void anInjectedAlarmFaultsTheUnitAndHoldsItAtZero() throws Exception {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        int port = TestSites.freePort();
        EmsConfig.Devices devices = onPort(EmsConfigReader.read(site).devices(), port);
        try (DeviceSimulator sim = simulator(site, devices);
                DeviceConnections c = DeviceConnections.open(devices)) {
            sim.start("127.0.0.1", port);
            BessDevice unit = c.batteries().get(0);
            unit.writeSetpoint(200).get(10, TimeUnit.SECONDS);
            sim.setAlarms("bess-1", 0b101);
            clock.advance(1_000);
            sim.catchUp();
            BessReading r = unit.read().get(10, TimeUnit.SECONDS);
            assertThat(r.state()).isEqualTo(BatteryUnitState.FAULT);
            assertThat(r.alarmBits()).isEqualTo(0b101);
            assertThat(r.powerKw()).isZero();

            sim.setAlarms("bess-1", 0);
            clock.advance(2_000); // the converter's lag (150 ms by default) has settled to the register's resolution
            sim.catchUp();
            assertThat(unit.read().get(10, TimeUnit.SECONDS).powerKw()).isEqualTo(200.0);
        }
    }

    @Test
    void unitIdsMustBeDistinct() {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        EmsConfig.Devices d = EmsConfigReader.read(site).devices();
        EmsConfig.Devices clash = new EmsConfig.Devices(
                List.of(d.batteries().get(0), new EmsConfig.Endpoint("bess-2", "127.0.0.1", 1502, 1)),
                d.meter(),
                250,
                1,
                1000,
                EmsConfig.SUNSPEC);
        assertThatThrownBy(() -> simulator(site, clash))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Modbus unit id 1 is given to both bess-1 and bess-2; each device on one address needs its "
                        + "own unit id");
    }

    @Test
    void aPortInUseIsReportedAsSuch() {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        int port = TestSites.freePort();
        try (DeviceSimulator first = simulator(site, EmsConfigReader.read(site).devices());
                DeviceSimulator second =
                        simulator(site, EmsConfigReader.read(site).devices())) {
            first.start("127.0.0.1", port);
            assertThatThrownBy(() -> second.start("127.0.0.1", port))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("cannot serve Modbus on 127.0.0.1:" + port + ": ")
                    .hasMessageEndingWith("; choose another --port (or stop what is using it)");
        }
    }
}

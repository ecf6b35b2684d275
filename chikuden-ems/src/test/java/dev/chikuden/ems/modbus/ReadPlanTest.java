package dev.chikuden.ems.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.config.EmsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlanTest {
    private final RegisterMap sunspec = RegisterMap.load(EmsConfig.SUNSPEC);

    @Test
    void whatTheBatteryDriverReadsEachCycleIsOneRequest() {
        DeviceMap bess = sunspec.bess();
        List<Point> everyCycle = List.of(
                bess.point(Role.POWER),
                bess.point(Role.SOC),
                bess.point(Role.SOC_MIN),
                bess.point(Role.SOC_MAX),
                bess.point(Role.STATE_OF_HEALTH),
                bess.point(Role.MAX_CHARGE),
                bess.point(Role.MAX_DISCHARGE),
                bess.point(Role.SETPOINT),
                bess.point(Role.SETPOINT_ENABLE),
                bess.point(Role.STATE),
                bess.point(Role.ALARMS));
        List<ReadPlan.Span> spans = ReadPlan.of(bess, everyCycle);
        assertThat(spans).containsExactly(new ReadPlan.Span(40142, 124));
    }

    @Test
    void spansCoverEveryPointStayWithin125RegistersAndNeverCrossAGap() {
        DeviceMap bess = sunspec.bess();
        List<ReadPlan.Span> spans = ReadPlan.of(bess, bess.points());
        for (Point p : bess.points()) {
            assertThat(spans)
                    .anySatisfy(s -> assertThat(p.address() >= s.start() && p.end() <= s.end())
                            .isTrue());
        }
        assertThat(spans).allSatisfy(s -> assertThat(s.count()).isBetween(1, ReadPlan.MAX_REGISTERS));

        DeviceMap vendor =
                RegisterMap.load(RegisterMapReaderTest.vendorMap().toString()).bess();
        List<ReadPlan.Span> vendorSpans = ReadPlan.of(vendor, vendor.points());
        // status 0..14 and control 100..103 are separate blocks with a gap between: two reads
        assertThat(vendorSpans).containsExactly(new ReadPlan.Span(0, 15), new ReadPlan.Span(100, 4));
    }
}

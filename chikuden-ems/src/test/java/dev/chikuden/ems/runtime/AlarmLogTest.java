package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlarmLogTest {
    final AlarmLog log = new AlarmLog();

    @Test
    void activeAlarmsComeFirstThenClearedOnesNewestFirst() {
        long a = log.raise("device-silent", "meter", "a", 1000);
        long b = log.raise("write-failed", "bess-1", "b", 2000);
        log.raise("device-alarm", "bess-2", "c", 3000);
        long d = log.raise("device-silent", "bess-3", "d", 4000);
        log.clear(b, 5000);
        log.clear(a, 6000);
        log.clear(a, 7000); // already cleared: nothing changes
        assertThat(log.activeCount()).isEqualTo(2);
        assertThat(log.list(false)).extracting(Alarm::message).containsExactly("d", "c");
        assertThat(log.list(true)).extracting(Alarm::message).containsExactly("d", "c", "a", "b");
        assertThat(log.list(true).get(2).clearedEpochMs()).isEqualTo(6000);
        log.clear(d, 8000);
        assertThat(log.list(true)).extracting(Alarm::message).containsExactly("c", "d", "a", "b");
    }

    @Test
    void aFlappingDeviceCannotGrowTheHistoryWithoutBound() {
        long keep = log.raise("device-alarm", "bess-1", "stays", 1);
        for (int i = 0; i < AlarmLog.KEPT_CLEARED + 500; i++) {
            log.clear(log.raise("device-silent", "meter", "flap " + i, 10 + i), 11 + i);
        }
        assertThat(log.list(true)).hasSize(AlarmLog.KEPT_CLEARED + 1);
        assertThat(log.list(true).get(0).message()).isEqualTo("stays");
        assertThat(log.list(true).get(1).message()).isEqualTo("flap " + (AlarmLog.KEPT_CLEARED + 499));
        assertThat(log.activeCount()).isEqualTo(1);
        log.clear(keep, 99_999);
        assertThat(log.activeCount()).isZero();
    }
}

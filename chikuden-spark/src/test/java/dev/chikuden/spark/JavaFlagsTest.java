package dev.chikuden.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

class JavaFlagsTest {
    @Test
    void theLaunchersFlagsAreSparksOwn() {
        assertThat(JavaFlags.list()).containsExactly(JavaModuleOptions.defaultModuleOptionArray());
    }

    @Test
    void surefireRanThisJvmWithTheLaunchersFlags() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsSequence(JavaFlags.list());
    }
}

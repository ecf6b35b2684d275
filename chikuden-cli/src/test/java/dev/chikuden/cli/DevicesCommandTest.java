package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevicesCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesTheExampleCampusPrintsItsUnitMapAndStopsWhenInterrupted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int[] exit = {-1};
        String site = Repository.examples().resolve("sakai-ai-campus.yaml").toString();
        Thread command = new Thread(() -> exit[0] = cl.execute("devices", site, "--port", Integer.toString(port)));
        command.start();
        for (int i = 0; i < 600 && !out.toString().contains("Ctrl-C stops."); i++) {
            Thread.sleep(50);
        }
        String map = out.toString();
        assertThat(map)
                .contains("Sakai AI campus: Modbus TCP digital twin on 127.0.0.1:" + port + ", register map sunspec")
                .containsPattern("\\n +1  bess-1 +bess +marker@40000 1@40002 702@40070 704@40120 802@40191 701@40255 "
                        + "end@40410\\n")
                .containsPattern("\\n +100  meter +meter +marker@40000 1@40002 203@40070 end@40177\\n")
                .containsPattern("soc +SoC +40202 +uint16 +% +x 10\\^SoC_SF \\(40247, now -2\\)")
                .containsPattern("setpoint +WSet +40144 +int32 +W +rw x 10\\^WSet_SF \\(40179, now 0\\)")
                .contains("mbpoll -m tcp -p " + port + " -a 1 -0 -r 40202 -1 127.0.0.1");

        // a Modbus client reads the SunSpec marker and the battery's SOC register (60 % initial, SoC_SF -2)
        var transport = NettyTcpClientTransport.create(c -> {
            c.setHostname("127.0.0.1");
            c.setPort(port);
        });
        ModbusTcpClient client = ModbusTcpClient.create(transport);
        client.connect();
        try {
            byte[] marker = client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(40000, 2))
                    .registers();
            assertThat(new String(marker, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("SunS");
            byte[] soc = client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(40202, 1))
                    .registers();
            assertThat(((soc[0] & 0xFF) << 8) | (soc[1] & 0xFF)).isBetween(5990, 6010);
        } finally {
            client.disconnect();
        }

        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    @Test
    void aBadPortIsBadInput() throws IOException {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, "name: x\n");
        Run r = run("devices", site.toString(), "--port", "70000");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--port: 70000 is not a TCP port; give 1 .. 65535");
    }

    @Test
    void aBadSiteFileIsBadInputWithItsLineAndField() throws IOException {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, BillCommandTest.SITE.replace("base: 400 kW", "base: 400 kV"));
        Run r = run("devices", site.toString(), "--port", "1502");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("site.yaml:3:").contains("400 kV");
    }
}

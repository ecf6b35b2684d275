package dev.chikuden.ems.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.site.SiteConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin answers as a Modbus server must, byte for byte, after the MODBUS Application Protocol
 * Specification V1.1b3 (exception responses: the function code with 0x80 set, then 01 illegal
 * function, 02 illegal data address, 03 illegal data value, 0B gateway target device failed to
 * respond; at most 125 registers a read, 123 a write) and the Modbus Messaging on TCP/IP
 * Implementation Guide V1.0b (MBAP: transaction id, protocol id 0, length of unit id and PDU). After
 * each bad frame the same connection still serves a valid read.
 */
class TwinModbusConformanceTest {
    /** Unit 1 is the small site's battery; its SunSpec map starts with "SunS" at 40000 (read-only). */
    private static final int UNIT = 1;

    private static final int READ = 0x03;
    private static final int WRITE_SINGLE = 0x06;
    private static final int WRITE_MULTIPLE = 0x10;

    @TempDir
    Path dir;

    private DeviceSimulator sim;
    private Socket socket;
    private DataInputStream in;
    private int port;
    private int transaction;

    @BeforeEach
    void start() throws IOException {
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        sim = new DeviceSimulator(
                site,
                EmsConfigReader.read(site).devices(),
                RegisterMap.load(EmsConfig.SUNSPEC),
                DeviceSimulator.Options.manual(100, new TestSites.ManualClock()));
        port = TestSites.freePort();
        sim.start("127.0.0.1", port);
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        sim.close();
    }

    @Test
    void aValidReadIsAnsweredWithTheRegisters() throws IOException {
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x02)) // 40000, 2 registers
                .containsExactly(bytes(READ, 4, 'S', 'u', 'n', 'S'));
    }

    @Test
    void anUnknownFunctionIsException01AndTheConnectionStaysUp() throws IOException {
        assertThat(ask(UNIT, 0x41, 0x00, 0x00)).containsExactly(bytes(0xC1, 0x01));
        assertThat(ask(UNIT, 0x2B, 0x0E, 0x01, 0x00)).containsExactly(bytes(0xAB, 0x01)); // device identification
        assertThat(ask(UNIT, 0x04, 0x9C, 0x40, 0x00, 0x01)).containsExactly(bytes(0x84, 0x01)); // input registers
        assertStillServes();
    }

    @Test
    void registersOutsideTheMapAreException02() throws IOException {
        assertThat(ask(UNIT, READ, 0x00, 0x00, 0x00, 0x01)).containsExactly(bytes(0x83, 0x02));
        assertThat(ask(UNIT, READ, 0xFF, 0xFF, 0x00, 0x02)).containsExactly(bytes(0x83, 0x02)); // past 65535
        assertThat(ask(UNIT, WRITE_SINGLE, 0x9C, 0x40, 0x00, 0x01)).containsExactly(bytes(0x86, 0x02)); // read-only
        assertThat(ask(UNIT, WRITE_MULTIPLE, 0x9C, 0x40, 0x00, 0x01, 0x02, 0x00, 0x01))
                .containsExactly(bytes(0x90, 0x02));
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x02)).containsExactly(bytes(READ, 4, 'S', 'u', 'n', 'S'));
    }

    @Test
    void quantitiesOfNoneOrPastTheProtocolMaximumAreException03() throws IOException {
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x00)).containsExactly(bytes(0x83, 0x03));
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 126)).containsExactly(bytes(0x83, 0x03));
        assertThat(ask(UNIT, READ, 0x00, 0x00, 0xFF, 0xFF)).containsExactly(bytes(0x83, 0x03)); // 03 before 02
        assertThat(ask(UNIT, WRITE_MULTIPLE, 0x9C, 0x40, 0x00, 0x00, 0x00)).containsExactly(bytes(0x90, 0x03));
        assertThat(ask(UNIT, WRITE_MULTIPLE, 0x9C, 0x40, 0x00, 124, 0x02, 0x00, 0x01))
                .containsExactly(bytes(0x90, 0x03));
        assertStillServes();
    }

    @Test
    void aByteCountThatIsNotTwiceTheQuantityIsException03() throws IOException {
        assertThat(ask(UNIT, WRITE_MULTIPLE, 0x9C, 0x40, 0x00, 0x01, 0x03, 0x00, 0x01, 0x02))
                .containsExactly(bytes(0x90, 0x03));
        assertStillServes();
    }

    @Test
    void theProtocolMaximumItselfIsNoValueError() throws IOException {
        // 125 registers from 40000 leave the battery's map or not; either way the quantity is allowed
        byte[] answer = ask(UNIT, READ, 0x9C, 0x40, 0x00, 125);
        assertThat(answer).isNotEqualTo(bytes(0x83, 0x03));
        assertThat(answer[0] == READ ? answer.length : 0).isIn(0, 2 + 250);
    }

    @Test
    void anUnknownUnitIsException0BAsAGatewayAnswers() throws IOException {
        assertThat(ask(99, READ, 0x9C, 0x40, 0x00, 0x02)).containsExactly(bytes(0x83, 0x0B));
        assertThat(ask(0, WRITE_SINGLE, 0x9C, 0x40, 0x00, 0x01)).containsExactly(bytes(0x86, 0x0B));
        assertStillServes();
    }

    @Test
    void aPduLongerOrShorterThanItsFunctionIsException03() throws IOException {
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x02, 0x00)).containsExactly(bytes(0x83, 0x03));
        assertThat(ask(UNIT, READ, 0x9C, 0x40)).containsExactly(bytes(0x83, 0x03));
        assertThat(ask(UNIT, WRITE_MULTIPLE, 0x9C, 0x40, 0x00, 0x02, 0x04, 0x00, 0x01))
                .containsExactly(bytes(0x90, 0x03));
        assertStillServes();
    }

    @Test
    void aFrameOfAnotherProtocolIsDiscardedAndTheNextServed() throws IOException {
        send(frame(7, 1, 6, UNIT, READ, 0x9C, 0x40, 0x00, 0x02));
        assertStillServes(); // the first answer on the wire is the valid read's
    }

    @Test
    void framesWithNoFunctionOrTooLongForModbusAreDiscardedAndTheNextServed() throws IOException {
        send(frame(7, 0, 1, UNIT));
        send(frame(8, 0, 0));
        byte[] long300 = new byte[300];
        Arrays.fill(long300, (byte) READ);
        send(frame(9, 0, 301, concat(new byte[] {UNIT}, long300)));
        assertStillServes();
    }

    @Test
    void aFrameCutShortEndsOnlyItsConnection() throws IOException {
        send(frame(7, 0, 6, UNIT, READ, 0x9C)); // 3 of the 6 bytes the length announces
        socket.shutdownOutput();
        assertThat(in.read()).as("the twin closes the connection").isEqualTo(-1);
        socket.close();
        connect();
        assertStillServes();
    }

    @Test
    void aClientQuietInTheMiddleOfAFrameIsClosedAfterTheFrameTimeout() throws IOException {
        send(new byte[] {0, 7, 0, 0});
        long t0 = System.nanoTime();
        assertThat(in.read()).isEqualTo(-1);
        assertThat((System.nanoTime() - t0) / 1e6).isBetween(TwinTcpServer.FRAME_TIMEOUT_MS - 200.0, 8_000.0);
    }

    @Test
    void eachMalformedFrameIsOneWarningLineWithNoStackTrace() throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            send(frame(7, 1, 6, UNIT, READ, 0x9C, 0x40, 0x00, 0x02)); // protocol id 1
            send(frame(8, 0, 1, UNIT)); // no function code
            assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x02, 0x00)).containsExactly(bytes(0x83, 0x03)); // length
            assertThat(ask(UNIT, 0x41)).containsExactly(bytes(0xC1, 0x01)); // well-formed: no warning
            assertThat(ask(99, READ, 0x9C, 0x40, 0x00, 0x02)).containsExactly(bytes(0x83, 0x0B)); // nor this
            assertStillServes();
            send(frame(9, 0, 6, UNIT, READ)); // truncated
            socket.shutdownOutput();
            assertThat(in.read()).isEqualTo(-1); // logged before the twin closed
        } finally {
            System.setErr(err);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> twin =
                lines.stream().filter(l -> l.contains("TwinTcpServer")).toList();
        assertThat(twin).hasSize(4).allMatch(l -> l.contains("WARN"));
        assertThat(twin.get(0)).contains("protocol id 1");
        assertThat(twin.get(1)).contains("MBAP length 1");
        assertThat(twin.get(2)).contains("function 3 takes a 5-byte PDU, the frame has 6");
        assertThat(twin.get(3)).contains("truncated frame: 8 of 12 bytes, then the client closed");
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception") || l.contains("ERROR"));
    }

    /** A valid read on the same connection, answered with its own transaction id. */
    private void assertStillServes() throws IOException {
        assertThat(ask(UNIT, READ, 0x9C, 0x40, 0x00, 0x02)).containsExactly(bytes(READ, 4, 'S', 'u', 'n', 'S'));
    }

    /** Sends a request PDU to {@code unit} and returns the response PDU, checking the MBAP header. */
    private byte[] ask(int unit, int... pdu) throws IOException {
        int tid = ++transaction;
        send(frame(tid, 0, pdu.length + 1, concat(new byte[] {(byte) unit}, bytes(pdu))));
        byte[] header = new byte[7];
        in.readFully(header);
        int length = (header[4] & 0xFF) << 8 | (header[5] & 0xFF);
        assertThat(Arrays.copyOf(header, 4)).as("transaction and protocol id").containsExactly(bytes(0, tid, 0, 0));
        assertThat(header[6] & 0xFF).as("unit id").isEqualTo(unit);
        byte[] response = new byte[length - 1];
        in.readFully(response);
        return response;
    }

    private void send(byte[] b) throws IOException {
        socket.getOutputStream().write(b);
        socket.getOutputStream().flush();
    }

    private static byte[] frame(int tid, int protocol, int length, int... body) {
        return frame(tid, protocol, length, bytes(body));
    }

    private static byte[] frame(int tid, int protocol, int length, byte[] body) {
        return concat(bytes(tid >> 8, tid, protocol >> 8, protocol, length >> 8, length), body);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

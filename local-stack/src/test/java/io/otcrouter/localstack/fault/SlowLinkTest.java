package io.otcrouter.localstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SlowLink in front of a real echo server on the loopback: what goes through is unchanged, a client's message
 * arrives its delay later (so a round trip takes the delay once, the answer is not held), the delay changes on
 * open connections, order survives a shrinking delay, and closes pass through. Delays are large next to a loaded
 * machine's scheduling noise (1 s against answers expected well under it) so that timing cannot make the test flaky.
 */
class SlowLinkTest {

    private static final Duration SLOW = Duration.ofSeconds(1);

    private ServerSocket echoServer;
    private final List<Socket> serverSides = new CopyOnWriteArrayList<>();
    private SlowLink link;

    @BeforeEach
    void startEchoServer() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echoServer.isClosed()) {
                try {
                    Socket socket = echoServer.accept();
                    serverSides.add(socket);
                    Thread echo = new Thread(() -> {
                        try {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                            socket.shutdownOutput();
                        } catch (IOException ignored) {
                            // the test closed it
                        }
                    });
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (link != null) {
            link.close();
        }
        echoServer.close();
        for (Socket socket : serverSides) {
            socket.close();
        }
    }

    @Test
    void passesBytesUnchangedBothWays() throws IOException {
        link = new SlowLink(0, echoAddress(), Duration.ZERO);
        byte[] payload = new byte[300_000];
        new Random(16).nextBytes(payload);
        try (Socket client = connect()) {
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(payload);
                    client.shutdownOutput();
                } catch (IOException ignored) {
                    // the assertion below fails
                }
            });
            writer.start();
            byte[] echoed = client.getInputStream().readAllBytes();
            assertThat(echoed).isEqualTo(payload);
        }
    }

    @Test
    void aRoundTripTakesTheDelayOnceAndTheDelayChangesOnAnOpenConnection() throws IOException {
        link = new SlowLink(0, echoAddress(), Duration.ZERO);
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "select 1")).isLessThan(SLOW.dividedBy(2));

            link.setDelay(SLOW);
            Duration slow = roundTrip(client, "select 2");
            assertThat(slow).isGreaterThanOrEqualTo(SLOW).isLessThan(SLOW.multipliedBy(2).minusMillis(100));

            link.setDelay(Duration.ZERO);
            assertThat(roundTrip(client, "select 3")).isLessThan(SLOW.dividedBy(2));
        }
    }

    @Test
    void keepsTheOrderWhenTheDelayShrinks() throws IOException {
        link = new SlowLink(0, echoAddress(), SLOW);
        try (Socket client = connect()) {
            OutputStream out = client.getOutputStream();
            out.write("first;".getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(100);
            link.setDelay(Duration.ZERO);
            out.write("second;".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(read(client.getInputStream(), "first;second;".length())).isEqualTo("first;second;");
        }
    }

    @Test
    void closesPassThroughInBothDirections() throws IOException {
        link = new SlowLink(0, echoAddress(), Duration.ofMillis(50));
        try (Socket client = connect()) {
            roundTrip(client, "hello");
            // the server goes away (PostgreSQL stopped): the client sees the end of its stream
            for (Socket socket : serverSides) {
                socket.close();
            }
            client.setSoTimeout(5_000);
            assertThat(endOfStream(client.getInputStream())).isTrue();
        }
        try (Socket client = connect()) {
            roundTrip(client, "hello again");
            // the client half-closes: the server sees the end, after what was sent before it
            client.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            client.setSoTimeout(5_000);
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bye");
        }
    }

    @Test
    void aClientOfAnUnreachableServerSeesItsConnectionClosed() throws IOException {
        InetSocketAddress nothing = echoAddress();
        echoServer.close();
        link = new SlowLink(0, nothing, Duration.ZERO);
        try (Socket client = connect()) {
            client.setSoTimeout(10_000);
            assertThat(endOfStream(client.getInputStream())).isTrue();
        }
    }

    @Test
    void theControlFileSetsTheDelayAndItsAbsenceTheDefault(@TempDir Path dir) throws IOException {
        Path control = dir.resolve("slow-db.delay");
        assertThat(SlowLinkCommand.readControl(control, Duration.ofMillis(7))).isEqualTo(Duration.ofMillis(7));
        Files.writeString(control, "200ms\n");
        assertThat(SlowLinkCommand.readControl(control, Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
        Files.writeString(control, "1.5s");
        assertThat(SlowLinkCommand.readControl(control, Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        Files.writeString(control, "0");
        assertThat(SlowLinkCommand.readControl(control, Duration.ofMillis(7))).isEqualTo(Duration.ZERO);
    }

    private InetSocketAddress echoAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), echoServer.getLocalPort());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.port());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static Duration roundTrip(Socket client, String message) throws IOException {
        long start = System.nanoTime();
        client.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        assertThat(read(client.getInputStream(), message.length())).isEqualTo(message);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String read(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static boolean endOfStream(InputStream in) {
        try {
            return in.read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

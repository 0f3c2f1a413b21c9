package io.otcrouter.localstack.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy that delays everything its clients send by a delay that can be changed while it runs: put in front of
 * PostgreSQL, it makes every statement's round trip that much slower (the client's message waits, the server's
 * answer does not), which is how a database under a heavy vacuum, a saturated disk or a congested network looks to
 * the services — neither down nor refusing, just slow. Fault runs ({@code load-generator/scripts/fault-run.sh
 * slow-db}) point the services at it and switch the delay on and off through a control file.
 * <p>Each chunk a client sends (one {@code read}: a statement, or the Parse/Bind/Execute/Sync batch the JDBC driver
 * writes at once) is forwarded when its delay, taken when it arrived, has passed, in the order it arrived: the link
 * behaves like one with that much latency towards the server, not like one whose bandwidth shrank. Bytes are never
 * changed, so TLS, authentication and the protocol pass through as they are. The server's answers are copied at
 * once. Connections that are open when the delay changes get the new delay for what they send next.
 * <p>Run from the local stack's jar (a Spring Boot jar, so through its PropertiesLauncher):
 * <pre>
 * java -cp local-stack/target/local-stack.jar -Dloader.main=io.otcrouter.localstack.fault.SlowLink \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --listen=54339 --target=127.0.0.1:54329 [--delay=0ms] [--control=/tmp/slow-db.delay]
 * </pre>
 * With {@code --control}, the file's content ({@code 200ms}, {@code 0}, ...) is the delay, read every 100 ms; while
 * the file does not exist the delay is {@code --delay}.
 */
public final class SlowLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlowLink.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int CHUNK = 16 * 1024;

    /** Marks the end of what a client sent: the server's side is shut for output once everything before it left. */
    private static final Chunk END = new Chunk(0, new byte[0]);

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long delayNanos;
    private volatile boolean running = true;

    /** Listens on the loopback {@code listenPort} (0 for any free port) and forwards to {@code target}. */
    public SlowLink(int listenPort, InetSocketAddress target, Duration delay) throws IOException {
        this.server = new ServerSocket(listenPort, 128, InetAddress.getLoopbackAddress());
        this.target = target;
        setDelay(delay);
        Thread acceptor = new Thread(this::accept, "slow-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    /** The delay for what clients send from now on. */
    public void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        delayNanos = delay.toNanos();
    }

    private void accept() {
        while (running) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("SlowLink stopped accepting: {}", e.toString());
                }
                return;
            }
            int id = connections.incrementAndGet();
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                // As the server itself would: the client sees its connection closed and reconnects later.
                log.warn("SlowLink connection {}: {} unreachable: {}", id, target, e.toString());
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            new Connection(id, client, upstream).start();
        }
    }

    /** One client's connection: client → queue → server, delayed; server → client, at once. */
    private final class Connection {
        private final int id;
        private final Socket client;
        private final Socket upstream;
        private final BlockingQueue<Chunk> toServer = new LinkedBlockingQueue<>();
        private final AtomicInteger directionsOpen = new AtomicInteger(2);

        Connection(int id, Socket client, Socket upstream) {
            this.id = id;
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            daemon("slow-link-" + id + "-read", this::readClient);
            daemon("slow-link-" + id + "-write", this::writeServer);
            daemon("slow-link-" + id + "-answer", this::copyAnswers);
        }

        // The streams are not closed one by one (closing a socket's stream closes the socket, while the other
        // direction may still be busy): closeBoth() closes the sockets once both directions are done.
        private void readClient() {
            try {
                InputStream in = client.getInputStream();
                byte[] buffer = new byte[CHUNK];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    toServer.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException e) {
                // reset by the client, or closed by the other direction: end this direction as with an EOF
            } finally {
                toServer.add(END);
            }
        }

        private void writeServer() {
            try {
                OutputStream out = upstream.getOutputStream();
                while (true) {
                    Chunk chunk = toServer.take();
                    if (chunk == END) {
                        upstream.shutdownOutput();
                        break;
                    }
                    long wait;
                    while ((wait = chunk.dueNanos() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException e) {
                closeBoth();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeBoth();
            } finally {
                directionDone();
            }
        }

        private void copyAnswers() {
            try {
                upstream.getInputStream().transferTo(client.getOutputStream());
                client.shutdownOutput();
            } catch (IOException e) {
                closeBoth();
            } finally {
                directionDone();
            }
        }

        private void directionDone() {
            if (directionsOpen.decrementAndGet() == 0) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        }
    }

    @Override
    public void close() {
        running = false;
        closeQuietly(server);
        open.forEach(SlowLink::closeQuietly);
        open.clear();
    }

    /** Runs a link from the command line; see {@link SlowLinkCommand}. */
    public static void main(String[] args) throws Exception {
        SlowLinkCommand.run(args);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}

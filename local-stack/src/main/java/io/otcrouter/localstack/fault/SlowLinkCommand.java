package io.otcrouter.localstack.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SlowLink} from the command line: {@code --listen=<port> --target=<host:port> [--delay=0ms]
 * [--control=<file>]}. With a control file, its content is the delay, read every 100 ms; while it does not exist the
 * delay is {@code --delay}.
 */
final class SlowLinkCommand {

    private static final Logger log = LoggerFactory.getLogger(SlowLink.class);
    private static final Duration CONTROL_POLL = Duration.ofMillis(100);

    private SlowLinkCommand() {
    }

    /**
     * The delay a control file asks for: its content as a duration ({@code 200ms}, {@code 2s}, plain milliseconds),
     * or {@code fallback} while the file does not exist.
     */
    static Duration readControl(Path file, Duration fallback) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? fallback : duration(text);
        } catch (NoSuchFileException e) {
            return fallback;
        }
    }

    /** {@code 200ms}, {@code 2s}, or plain milliseconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
        }
        return Duration.ofMillis(Long.parseLong(t));
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                usage("unexpected argument '" + arg + "'");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (!options.containsKey("listen") || !options.containsKey("target")
                || !Set.of("listen", "target", "delay", "control").containsAll(options.keySet())) {
            usage("--listen and --target are required; known options: --listen --target --delay --control");
        }
        String target = options.get("target");
        int colon = target.lastIndexOf(':');
        if (colon < 0) {
            usage("--target must be host:port");
        }
        Duration initial = duration(options.getOrDefault("delay", "0"));
        Path control = options.containsKey("control") ? Path.of(options.get("control")) : null;
        SlowLink link = new SlowLink(Integer.parseInt(options.get("listen")),
                new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))),
                control == null ? initial : readControl(control, initial));
        Runtime.getRuntime().addShutdownHook(new Thread(link::close, "slow-link-shutdown"));
        log.info("SlowLink listening on 127.0.0.1:{}, forwarding to {}, client-to-server delay {} ms{}", link.port(),
                target, link.delay().toMillis(), control == null ? "" : " (control file " + control + ")");
        while (control != null) {
            Thread.sleep(CONTROL_POLL.toMillis());
            Duration wanted;
            try {
                wanted = readControl(control, initial);
            } catch (IOException | RuntimeException e) {
                // half-written or malformed: keep the current delay and read it again next time
                continue;
            }
            if (!wanted.equals(link.delay())) {
                link.setDelay(wanted);
                log.info("SlowLink delay now {} ms", wanted.toMillis());
            }
        }
        Thread.currentThread().join();
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: SlowLink --listen=<port> --target=<host:port> [--delay=0ms] [--control=<file>]");
        System.exit(2);
    }
}

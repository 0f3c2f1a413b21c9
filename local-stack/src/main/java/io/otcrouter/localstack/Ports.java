package io.otcrouter.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Port checks done before starting anything, so a clash gives a clear message instead of a confusing bind error. */
final class Ports {

    private Ports() {
    }

    /**
     * Fails if something already accepts connections on the loopback port. Checking by connecting (not binding)
     * matters for the services: a leftover service from an earlier run would otherwise answer our health checks.
     */
    static void requireFree(int port, String owner) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException expected) {
            // Nothing listens: the port is free, which is what we want.
            return;
        }
        throw new IllegalStateException("Port " + port + " (" + owner + ") is already in use."
                + " Is an earlier local-stack still running? Stop it first.");
    }
}

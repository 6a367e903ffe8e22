package org.perfbridge.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A misbehaving server on a loopback address for fault injection: a black hole that accepts connections and never reads
 * or answers, one that answers every HTTP request with a 503, or a slow proxy in front of a real server. It stands in for
 * a sink only while the fault lasts; delivery itself is always proven against the real carbon and InfluxDB afterwards.
 */
public final class FaultyEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private FaultyEndpoint(InetAddress address, int port, Consumer<Socket> connection) throws IOException {
        server = new ServerSocket(port, 50, address);
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    daemon(() -> connection.accept(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public static FaultyEndpoint blackHole() throws IOException {
        return new FaultyEndpoint(InetAddress.getLoopbackAddress(), 0, socket -> { });
    }

    public static FaultyEndpoint answering503() throws IOException {
        return new FaultyEndpoint(InetAddress.getLoopbackAddress(), 0, FaultyEndpoint::answer503);
    }

    /** What passes through reaches the server on 127.0.0.1:targetPort unchanged, but each request waits {@code delay} first. */
    public static FaultyEndpoint slowProxy(int targetPort, Duration delay) throws IOException {
        return slowProxy(InetAddress.getLoopbackAddress(), 0, targetPort, delay);
    }

    /** The same on another loopback address (127.0.0.2, say) and port. */
    public static FaultyEndpoint slowProxy(InetAddress address, int port, int targetPort, Duration delay) throws IOException {
        return new FaultyEndpoint(address, port, client -> {
            try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                daemon(() -> forward(target, client, Duration.ZERO));
                forward(client, target, delay);
            } catch (IOException targetUnreachable) {
                // the client sees its connection closed
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connectionsAccepted() {
        return accepted.size();
    }

    private static void answer503(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            // one request per connection: read its head up to the blank line, answer, close (Connection: close)
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.isEmpty());
            String body = "{\"error\":\"injected fault: service unavailable\"}";
            socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException ignored) {
            // the client went away: nothing to answer
        }
    }

    /** A burst of bytes after a quiet spell (a new request) waits {@code delay} first. */
    private static void forward(Socket from, Socket to, Duration delay) {
        byte[] buffer = new byte[65536];
        long lastForward = 0;
        try (from; to) {
            int n;
            while ((n = from.getInputStream().read(buffer)) >= 0) {
                if (System.nanoTime() - lastForward > Duration.ofMillis(200).toNanos()) {
                    Thread.sleep(delay.toMillis());
                }
                to.getOutputStream().write(buffer, 0, n);
                lastForward = System.nanoTime();
            }
        } catch (IOException | InterruptedException ended) {
            // one side closed: the other is closed with it
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "faulty-endpoint");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}

package org.perfbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving server on 127.0.0.1 for fault injection: one that accepts connections and never reads or
 * answers (a black hole), or one that answers every HTTP request with a 503. It stands in for a sink only while
 * the fault lasts; delivery itself is always proven against the real carbon and InfluxDB afterwards.
 */
public final class FaultyEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FaultyEndpoint(boolean answer503) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> acceptLoop(answer503), "faulty-endpoint-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts TCP connections, then neither reads nor answers. */
    public static FaultyEndpoint blackHole() throws IOException {
        return new FaultyEndpoint(false);
    }

    /** Answers every HTTP request with 503 Service Unavailable. */
    public static FaultyEndpoint answering503() throws IOException {
        return new FaultyEndpoint(true);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connectionsAccepted() {
        return accepted.size();
    }

    private void acceptLoop(boolean answer503) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                if (answer503) {
                    Thread responder = new Thread(() -> answer503(socket));
                    responder.setDaemon(true);
                    responder.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer503(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[65536];
            // one request per connection: read its head, answer, close (Connection: close)
            StringBuilder head = new StringBuilder();
            int n;
            while (head.indexOf("\r\n\r\n") < 0 && (n = in.read(buffer)) > 0) {
                head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            String body = "{\"error\":\"injected fault: service unavailable\"}";
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client went away: nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}

package org.perfbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server that holds every request back for a while: a slow sink for
 * fault injection. What passes through reaches the real server unchanged.
 */
public final class SlowProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Duration delay;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public SlowProxy(int targetPort, Duration delay) throws IOException {
        this(InetAddress.getLoopbackAddress(), 0, targetPort, delay);
    }

    /** A proxy on another loopback address (127.0.0.2, say) and port, in front of the real server on 127.0.0.1. */
    public SlowProxy(InetAddress address, int port, int targetPort, Duration delay) throws IOException {
        this.server = new ServerSocket(port, 50, address);
        this.targetPort = targetPort;
        this.delay = delay;
        daemon(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return sockets.size() / 2;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                daemon(() -> pipe(client, target, true));
                daemon(() -> pipe(target, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Forwards bytes; towards the server, a burst that starts after a quiet spell (a new request) waits first. */
    private void pipe(Socket from, Socket to, boolean delayRequests) {
        byte[] buffer = new byte[65536];
        long lastForward = 0;
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (delayRequests && System.nanoTime() - lastForward > Duration.ofMillis(200).toNanos()) {
                    Thread.sleep(delay.toMillis());
                }
                out.write(buffer, 0, n);
                out.flush();
                lastForward = System.nanoTime();
            }
        } catch (IOException | InterruptedException ended) {
            // one side closed: the other is closed with it
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "slow-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}

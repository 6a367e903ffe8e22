package org.perfbridge.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Carbon over TCP, pickle (default, port 2004) or plaintext (port 2003), one connection per delivery.
 * Carbon has no acknowledgement, but it closes a connection once it has read everything up to our end of
 * stream: so after writing we half-close and wait for carbon's close. Only then do the points count as delivered;
 * a peer that accepts and never reads (or a write that blocks) runs into the write timeout instead.
 */
public final class GraphiteSink implements Sink {

    // carbon's pickle receiver refuses messages over 1 MiB; a few hundred samples stay well below.
    private static final int SAMPLES_PER_PICKLE = 500;

    private final String host;
    private final int port;
    private final boolean pickle;
    private final String prefix;
    private final int connectTimeoutMs;
    private final int writeTimeoutMs;
    private final ScheduledExecutorService deadlines;

    public GraphiteSink(String host, int port, boolean pickle, String prefix, int connectTimeoutMs, int writeTimeoutMs,
                        ScheduledExecutorService deadlines) {
        this.host = host;
        this.port = port;
        this.pickle = pickle;
        this.prefix = prefix;
        this.connectTimeoutMs = connectTimeoutMs;
        this.writeTimeoutMs = writeTimeoutMs;
        this.deadlines = deadlines;
    }

    @Override
    public SinkKind kind() {
        return SinkKind.GRAPHITE;
    }

    @Override
    public List<RejectedSample> write(List<MetricSample> samples) throws SinkUnavailableException {
        if (samples.isEmpty()) {
            return List.of();
        }
        try (Socket socket = openSocket(); WriteDeadline deadline = WriteDeadline.closing(socket, writeTimeoutMs, deadlines)) {
            try {
                send(socket, samples);
                awaitClose(socket);
            } catch (IOException e) {
                if (e instanceof SocketTimeoutException || deadline.expired()) {
                    throw new SinkUnavailableException("carbon at " + host + ":" + port + " did not take the points within "
                            + writeTimeoutMs + " ms (sink.write_timeout_ms)", e);
                }
                throw e;
            }
            return List.of();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private void send(Socket socket, List<MetricSample> samples) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (pickle) {
            for (int from = 0; from < samples.size(); from += SAMPLES_PER_PICKLE) {
                List<MetricSample> chunk = samples.subList(from, Math.min(samples.size(), from + SAMPLES_PER_PICKLE));
                out.write(GraphitePickleEncoder.encode(prefix, chunk));
            }
        } else {
            out.write(GraphitePlaintextEncoder.encode(prefix, samples));
        }
        out.flush();
        socket.shutdownOutput();
    }

    private static void awaitClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] ignored = new byte[64];
        while (in.read(ignored) >= 0) {
            // carbon sends nothing; reading on until its close
        }
    }

    @Override
    public void checkConnection() throws SinkUnavailableException {
        try (Socket ignored = openSocket()) {
            // connecting is the whole check: carbon answers nothing
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private SinkUnavailableException unavailable(IOException e) {
        return new SinkUnavailableException("carbon at " + host + ":" + port + ": " + e.getMessage(), e);
    }

    private Socket openSocket() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket.setSoTimeout(writeTimeoutMs);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}

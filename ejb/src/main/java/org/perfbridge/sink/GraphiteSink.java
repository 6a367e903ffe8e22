package org.perfbridge.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Carbon over TCP, pickle (default, port 2004) or plaintext (port 2003). One connection per delivery:
 * carbon never acknowledges, so a refused or broken connection is the only failure it can report,
 * and a fresh connection reports it before any byte is counted as delivered.
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

    public GraphiteSink(String host, int port, boolean pickle, String prefix, int connectTimeoutMs, int writeTimeoutMs) {
        this.host = host;
        this.port = port;
        this.pickle = pickle;
        this.prefix = prefix;
        this.connectTimeoutMs = connectTimeoutMs;
        this.writeTimeoutMs = writeTimeoutMs;
    }

    @Override
    public String name() {
        return "graphite";
    }

    @Override
    public void write(List<MetricSample> samples) throws SinkUnavailableException {
        if (samples.isEmpty()) {
            return;
        }
        try (Socket socket = connect()) {
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
        } catch (IOException e) {
            throw new SinkUnavailableException("carbon at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkConnection() throws SinkUnavailableException {
        try (Socket ignored = connect()) {
            // connecting is the whole check: carbon answers nothing
        } catch (IOException e) {
            throw new SinkUnavailableException("carbon at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private Socket connect() throws IOException {
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

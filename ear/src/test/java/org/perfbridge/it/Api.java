package org.perfbridge.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.glassfish.jersey.client.authentication.HttpAuthenticationFeature;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** The perfbridge REST API as a poller or an operator calls it, over HTTP with jersey-client. */
public final class Api {

    public record Answer(int status, String body) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    public static final String URL = System.getProperty("it.api.url", "http://127.0.0.1:8080/api");
    /** The users src/test/wildfly/test-users.txt creates on the test server, one per role. */
    public static final String[] ADMIN = {"it-admin", "It-admin-pass-1"};
    public static final String[] INGEST = {"it-ingest", "It-ingest-pass-1"};
    public static final String[] READER = {"it-reader", "It-reader-pass-1"};

    private static final Client CLIENT = ClientBuilder.newClient();
    private static final WebTarget API = as(ADMIN[0], ADMIN[1]);

    /** The API as this user sees it. */
    public static WebTarget as(String user, String password) {
        return at(URL, user, password);
    }

    /** The API of another server, as this user sees it. */
    public static WebTarget at(String url, String user, String password) {
        return CLIENT.target(url).register(HttpAuthenticationFeature.basic(user, password));
    }

    /** The API of a server over https, trusting its self-signed certificate as an operator does with curl -k in development. */
    public static WebTarget overTls(String url, String user, String password) {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            Client client = ClientBuilder.newBuilder().sslContext(tls).hostnameVerifier((host, session) -> true).build();
            return client.target(url).register(HttpAuthenticationFeature.basic(user, password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client", e);
        }
    }

    /** The API without credentials. */
    public static WebTarget anonymous() {
        return CLIENT.target(URL);
    }

    private Api() {
    }

    public static Answer postCheckResults(String json) {
        return answer(API.path("logcheckresult").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(json, MediaType.APPLICATION_JSON)));
    }

    public static Answer post(String path, byte[] body, String contentType) {
        return answer(API.path(path).request().post(Entity.entity(body, contentType)));
    }

    public static Answer get(String path, Function<WebTarget, WebTarget> query) {
        return answer(query.apply(API.path(path)).request(MediaType.APPLICATION_JSON).get());
    }

    public static JsonObject logsOfHost(String hostName) {
        Answer answer = get("logcheckresult", target -> target.queryParam("host_name", hostName).queryParam("max_results", 1000));
        if (answer.status() != 200) {
            throw new AssertionError("GET logcheckresult answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    public static JsonObject redeliverNow() {
        Answer answer = post("timeseriesretention/redelivery", new byte[0], MediaType.APPLICATION_JSON);
        if (answer.status() != 200) {
            throw new AssertionError("redelivery answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    public static JsonObject status() {
        return get("status", target -> target).json();
    }

    /**
     * Waits until the queue {@code perfdata} is empty and no check result's perfdata is on its way into it: every
     * message is then delivered, or its points retained.
     */
    public static void awaitQueueDrained(Supplier<JsonObject> status, Duration timeout) {
        Eventually.await("the queue drained", () -> status.get().getJsonObject("queue"),
                queue -> queue.getInt("depth") == 0 && queue.getInt("check_results_waiting_to_enter") == 0, timeout);
    }

    public static Answer answer(Response response) {
        try (response) {
            return new Answer(response.getStatus(), response.readEntity(String.class));
        }
    }
}

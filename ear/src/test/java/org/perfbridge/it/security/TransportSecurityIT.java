package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.glassfish.jersey.client.authentication.HttpAuthenticationFeature;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;

/** The API is served over TLS on 8443 (WildFly's generated self-signed key pair), and plain HTTP can be switched off. */
class TransportSecurityIT extends DeployedPerfbridge {

    @ArquillianResource
    ManagementClient management;

    @Test
    void apiAnswersOverTlsOn8443() throws Exception {
        Api.Answer answer = Api.answer(https().path("status").request().get());

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().containsKey("sinks"));
    }

    @Test
    void httpsOnlyRefusesPlainHttpButServesTls() throws Exception {
        try (ServerSettings settings = new ServerSettings(management).set("api.https_only", "true")) {
            Api.Answer plain = Api.get("status", target -> target);
            Api.Answer overTls = Api.answer(https().path("status").request().get());

            assertEquals(403, plain.status(), plain.body());
            assertTrue(plain.body().contains("api.https_only"), plain.body());
            assertEquals(200, overTls.status(), overTls.body());
        }
        assertEquals(200, Api.get("status", target -> target).status(), "plain HTTP is back once the setting is off");
    }

    /** A client that trusts the server's self-signed certificate, as an operator does with curl -k in development. */
    private static WebTarget https() throws Exception {
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
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        Client client = ClientBuilder.newBuilder().sslContext(tls).hostnameVerifier((host, session) -> true).build();
        return client.target("https://localhost:8443/api").register(HttpAuthenticationFeature.basic(Api.ADMIN[0], Api.ADMIN[1]));
    }
}

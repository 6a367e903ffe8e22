package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfbridge.it.security.Issues.issue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Store;

/**
 * Nothing from a request reaches MongoDB as a query operator or as a key, nothing that two JSON readers would read
 * differently is stored, and no control character reaches a Graphite path or an InfluxDB tag.
 */
class InjectionIT extends DeployedPerfbridge {

    @Test
    void operatorInAQueryValueIsMatchedAsPlainText() {
        assertEquals(201, Api.postCheckResults("{\"host_name\": \"inj-" + UUID.randomUUID() + "\", \"state\": \"UP\"}").status());

        Api.Answer answer = Api.get("logcheckresult", target -> target.queryParam("host_name", "{operator}")
                .resolveTemplate("operator", "{\"$ne\": null}"));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(0, answer.json().getJsonObject("_meta").getInt("total"));
        assertEquals(0, answer.json().getJsonArray("_items").size());
    }

    @Test
    void bracketOperatorParameterIsRefused() {
        Api.Answer answer = Api.get("logcheckresult", target -> target.queryParam("host_name[$ne]", "x"));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("unknown query parameter 'host_name[$ne]'"), answer.body());
    }

    @Test
    void dollarAndDottedKeysInTheBodyAreRefusedAndNothingIsStored() {
        String host = "inj-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Answer answer = Api.postCheckResults("""
                [{"host_name": "%s", "state": "UP", "$where": "sleep(1000)"},
                 {"host_name": "%s", "state": "UP", "output.x": "y"}]""".formatted(host, host));

        assertEquals(400, answer.status(), answer.body());
        String issues = answer.json().getJsonArray("_issues").toString();
        assertTrue(issues.contains("{\"item\":0,\"field\":\"$where\",\"reason\":\"unknown field\"}"), issues);
        assertTrue(issues.contains("{\"item\":1,\"field\":\"output.x\",\"reason\":\"unknown field\"}"), issues);
        assertEquals(0, Store.logs().countDocuments(new Document("host_name", host)));
    }

    @Test
    void operatorObjectAsAFieldValueIsRefused() {
        Api.Answer answer = Api.postCheckResults("{\"host_name\": {\"$ne\": null}, \"state\": \"UP\"}");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("{\"item\":0,\"field\":\"host_name\",\"reason\":\"must be a string\"}"), answer.body());
    }

    @Test
    void keyTwiceInACheckResultIsRefusedAsAmbiguousAndNothingIsStored() {
        // given two host names in one object: the last one was stored, where another reader takes the first
        String host = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        // when
        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "%s-x", "host_name": "%s-y", "state": "UP"}""".formatted(host, host));
        // then
        assertEquals(400, answer.status(), answer.body());
        assertEquals(Issues.of(issue(0, "host_name", "appears more than once; JSON readers differ on which value counts")),
                answer.json().get("_issues"));
        assertNothingStoredFor(host);
    }

    @Test
    void secondJsonValueAfterTheFirstIsRefusedAndNothingIsStored() {
        // given two objects one after the other: the first was stored and the second dropped without a word
        String host = "two-" + UUID.randomUUID().toString().substring(0, 8);
        // when
        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "%s", "state": "UP"} {"host_name": "%s", "state": "DOWN"}""".formatted(host, host));
        // then
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().getJsonObject("_error").getString("message").startsWith("malformed JSON at line 1, column "),
                answer.body());
        assertNothingStoredFor(host);
    }

    @Test
    void controlCharactersAndHalfSurrogatesInStringsAreRefusedAndNothingIsStored() {
        // given a NUL in a host name, a terminal escape in a service name, a NUL in a perfdata label, half a surrogate pair
        String host = "ctl-" + UUID.randomUUID().toString().substring(0, 8);
        // when
        Api.Answer answer = Api.postCheckResults("""
                [{"host_name": "%s\\u0000evil", "state": "UP"},
                 {"host_name": "%s", "service_name": "\\u001b[31mcpu", "state": "OK"},
                 {"host_name": "%s", "state": "UP", "perf_data": "'a\\u0000b'=1"},
                 {"host_name": "%s\\ud800", "state": "UP"}]""".formatted(host, host, host, host));
        // then
        assertEquals(400, answer.status(), answer.body());
        assertEquals(Issues.of(issue(0, "host_name", "must not contain the control character U+0000"),
                issue(1, "service_name", "must not contain the control character U+001B"),
                issue(2, "perf_data", "must not contain the control character U+0000 (of them only tab, line feed and carriage return are accepted)"),
                issue(3, "host_name", "must not contain U+D800, half of a UTF-16 surrogate pair without its other half")),
                answer.json().get("_issues"));
        assertNothingStoredFor(host);
    }

    @Test
    void bodyThatIsNotUtf8IsRefusedInsteadOfStoredAltered() {
        // given a host name in ISO-8859-1, whose byte 0xE9 was stored as U+FFFD
        String host = "latin1-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"host_name\": \"" + host + "-caf\u00e9\", \"state\": \"UP\"}").getBytes(StandardCharsets.ISO_8859_1);
        // when
        Api.Answer answer = Api.post("logcheckresult", body, "application/json");
        // then
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().getJsonObject("_error").getString("message").startsWith("the body is not UTF-8 text"), answer.body());
        assertNothingStoredFor(host);
    }

    private static void assertNothingStoredFor(String hostPrefix) {
        assertEquals(0, Store.logs().countDocuments(new Document("host_name", new Document("$regex", "^" + hostPrefix))));
    }
}

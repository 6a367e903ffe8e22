package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Store;

/** Nothing from a request reaches MongoDB as a query operator or as a key. */
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
}

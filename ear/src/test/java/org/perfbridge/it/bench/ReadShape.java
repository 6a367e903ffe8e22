package org.perfbridge.it.bench;

/**
 * The queries of {@code GET /api/logcheckresult} the store benchmark times, each with the p99 it should stay under
 * on a store of a million logs, and which of the numbered check results it answers.
 */
enum ReadShape {
    HOST(true, false, 1, 50),
    HOST_AND_SERVICE(true, true, 1, 50),
    NEWEST(false, false, 1, 100),
    HOST_PAGE_40(true, false, 40, 200);

    static final int MAX_RESULTS = 25;

    private final boolean byHost;
    private final boolean byService;
    private final int page;
    private final int targetP99Millis;

    ReadShape(boolean byHost, boolean byService, int page, int targetP99Millis) {
        this.byHost = byHost;
        this.byService = byService;
        this.page = page;
        this.targetP99Millis = targetP99Millis;
    }

    boolean byHost() {
        return byHost;
    }

    boolean byService() {
        return byService;
    }

    int page() {
        return page;
    }

    int targetP99Millis() {
        return targetP99Millis;
    }

    /** The query as the docs show it, e.g. {@code ?host_name=hX&max_results=25&page=40}. */
    String label() {
        return query("hX", "sY");
    }

    String pathAndQuery(int host, int service) {
        return "/logcheckresult" + query("h" + host, "s" + service);
    }

    /** The check results it answers are those with {@code n % modulus() == residue(…)}. */
    long modulus() {
        return byService ? (long) NumberedCheckResults.HOSTS * NumberedCheckResults.SERVICES : byHost ? NumberedCheckResults.HOSTS : 1;
    }

    long residue(int host, int service) {
        return (byHost ? host : 0) + (byService ? (long) NumberedCheckResults.HOSTS * service : 0);
    }

    private String query(String host, String service) {
        return "?" + (byHost ? "host_name=" + host + "&" : "") + (byService ? "service_name=" + service + "&" : "")
                + "max_results=" + MAX_RESULTS + (page > 1 ? "&page=" + page : "");
    }
}

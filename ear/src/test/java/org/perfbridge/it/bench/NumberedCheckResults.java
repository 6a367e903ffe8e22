package org.perfbridge.it.bench;

/**
 * The check results the store benchmark posts, numbered 0, 1, 2, … in one sequence over all its phases: the n-th is
 * host {@code h(n % 1000)}, service {@code s(n / 1000 % 10)}, two perf metrics, and {@code last_check} 0.1 s after
 * the one before, so that newest first is highest number first. From the numbers posted, the answer of every query
 * is known: the check results of one host are those with {@code n % 1000 == host}, of one host and service those
 * with {@code n % 10,000 == host + 1000 × service}.
 */
final class NumberedCheckResults {

    static final int HOSTS = 1000;
    static final int SERVICES = 10;

    private final long firstLastCheck;

    /** @param firstLastCheck the {@code last_check} of check result 0, in epoch seconds */
    NumberedCheckResults(long firstLastCheck) {
        this.firstLastCheck = firstLastCheck;
    }

    static String host(long n) {
        return "h" + n % HOSTS;
    }

    static String service(long n) {
        return "s" + n / HOSTS % SERVICES;
    }

    double lastCheck(long n) {
        return firstLastCheck + n / 10 + (n % 10) / 10.0;
    }

    /** A ping as a poller reports it: every 50th has lost packets and is a WARNING. */
    String json(long n) {
        boolean loss = n % 50 == 49;
        String state = loss ? "WARNING" : "OK";
        String packetLoss = loss ? "40" : "0";
        long rtaMicros = 200 + n % 900;
        String rta = rtaMicros / 1000 + "." + threeDigits(rtaMicros % 1000);
        return "{\"host_name\":\"" + host(n) + "\",\"service_name\":\"" + service(n) + "\",\"state\":\"" + state
                + "\",\"state_type\":\"HARD\",\"last_check\":" + (firstLastCheck + n / 10) + "." + n % 10
                + ",\"output\":\"PING " + state + " - Packet loss = " + packetLoss + "%, RTA = " + rta + " ms\""
                + ",\"perf_data\":\"rta=" + rta + "ms;100.000;500.000;0 pl=" + packetLoss + "%;20;60;0\""
                + ",\"latency\":0." + threeDigits(n % 250) + ",\"execution_time\":4." + threeDigits(n % 1000) + "}";
    }

    /** The check results numbered {@code first} to {@code first + count - 1} as one JSON array. */
    String array(long first, int count) {
        StringBuilder body = new StringBuilder(count * 300).append('[');
        for (long n = first; n < first + count; n++) {
            body.append(n == first ? "" : ",").append(json(n));
        }
        return body.append(']').toString();
    }

    /** How many of the first {@code posted} check results have {@code n % modulus == residue}. */
    static long count(long posted, long residue, long modulus) {
        return posted > residue ? (posted - 1 - residue) / modulus + 1 : 0;
    }

    /** The number of the {@code index}-th newest (0: the newest) of those check results; there must be more than {@code index}. */
    static long newest(long posted, long residue, long modulus, long index) {
        return residue + modulus * (count(posted, residue, modulus) - 1 - index);
    }

    private static String threeDigits(long value) {
        return String.valueOf(1000 + value).substring(1);
    }
}

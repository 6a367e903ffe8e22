package org.perfbridge.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfbridge.perfdata.PerfdataExpectations.bad;
import static org.perfbridge.perfdata.PerfdataExpectations.m;
import static org.perfbridge.perfdata.PerfdataExpectations.metrics;
import static org.perfbridge.perfdata.PerfdataExpectations.ok;
import static org.perfbridge.perfdata.PerfdataExpectations.p;
import static org.perfbridge.perfdata.PerfdataExpectations.pl;
import static org.perfbridge.perfdata.PerfdataExpectations.r;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Perfdata as emitted by standard monitoring plugins, with the exact expected metrics. */
class RealPluginPerfdataTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("plugins")
    void parses(String plugin, String perfdata, ParsedPerfdata expected) {
        assertEquals(expected, PerfdataParser.parse(perfdata));
    }

    static Stream<Arguments> plugins() {
        return Stream.of(
                // --- monitoring-plugins: network ---
                ok("check_ping", "rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0",
                        m("rta", 0.08, "ms", pl(100), pl(500), 0.0, null),
                        m("pl", 0.0, "%", pl(20), pl(60), 0.0, null)),
                ok("check_ping slow link", "rta=152.343000ms;200.000000;500.000000;0.000000 pl=10%;40;80;0",
                        m("rta", 152.343, "ms", pl(200), pl(500), 0.0, null),
                        m("pl", 10.0, "%", pl(40), pl(80), 0.0, null)),
                ok("check_ping host down", "rta=U;100.000000;500.000000;0.000000 pl=100%;20;60;0",
                        m("rta", null, null, pl(100), pl(500), 0.0, null),
                        m("pl", 100.0, "%", pl(20), pl(60), 0.0, null)),
                ok("check_ping in a decimal-comma locale", "rta=0,080000ms;100,000000;500,000000;0,000000 pl=0%;20;60;0",
                        m("rta", 0.08, "ms", pl(100), pl(500), 0.0, null),
                        m("pl", 0.0, "%", pl(20), pl(60), 0.0, null)),
                ok("check_icmp", "rta=0.123ms;200.000;500.000;0; pl=0%;40;80;; rtmax=0.205ms;;;; rtmin=0.080ms;;;;",
                        m("rta", 0.123, "ms", pl(200), pl(500), 0.0, null),
                        m("pl", 0.0, "%", pl(40), pl(80)),
                        m("rtmax", 0.205, "ms"),
                        m("rtmin", 0.08, "ms")),
                ok("check_tcp", "time=0.000123s;;;0.000000;10.000000",
                        m("time", 0.000123, "s", null, null, 0.0, 10.0)),
                ok("check_dns", "time=0.012345s;;;0.000000", m("time", 0.012345, "s", null, null, 0.0, null)),
                ok("check_smtp", "time=0.123456s;;;0.000000", m("time", 0.123456, "s", null, null, 0.0, null)),
                ok("check_ssh", "time=0.012000s;;;0.000000;10.000000",
                        m("time", 0.012, "s", null, null, 0.0, 10.0)),
                ok("check_ntp_time", "offset=-0.000123s;60.000000;120.000000;",
                        m("offset", -0.000123, "s", pl(60), pl(120))),
                ok("check_ntp_peer", "offset=0.001234s;1.000000;2.000000; jitter=0.567000;1.000000;2.000000; stratum=2;2;3;",
                        m("offset", 0.001234, "s", pl(1), pl(2)),
                        m("jitter", 0.567, null, pl(1), pl(2)),
                        m("stratum", 2.0, null, pl(2), pl(3))),

                // --- monitoring-plugins: web ---
                ok("check_http", "time=0.012345s;;;0.000000;10.000000 size=1234B;;;0",
                        m("time", 0.012345, "s", null, null, 0.0, 10.0),
                        m("size", 1234.0, "B", null, null, 0.0, null)),
                ok("check_http with thresholds", "time=1.234567s;1.000000;5.000000;0.000000;10.000000 size=45678B;;;0",
                        m("time", 1.234567, "s", pl(1), pl(5), 0.0, 10.0),
                        m("size", 45678.0, "B", null, null, 0.0, null)),
                ok("check_curl", "time=0.154312s;;;0.000000;10.000000 size=612B;;;0;",
                        m("time", 0.154312, "s", null, null, 0.0, 10.0),
                        m("size", 612.0, "B", null, null, 0.0, null)),
                ok("check_http full output piped by mistake",
                        "HTTP OK: HTTP/1.1 200 OK - 612 bytes in 0.154 second response time |time=0.154312s;;;0.000000;10.000000 size=612B;;;0",
                        m("time", 0.154312, "s", null, null, 0.0, 10.0),
                        m("size", 612.0, "B", null, null, 0.0, null)),
                ok("check_ping full output piped by mistake",
                        "PING OK - Packet loss = 0%, RTA = 0.08 ms|rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0",
                        m("rta", 0.08, "ms", pl(100), pl(500), 0.0, null),
                        m("pl", 0.0, "%", pl(20), pl(60), 0.0, null)),

                // --- monitoring-plugins: system ---
                ok("check_disk one mount", "/=2643MB;5948;5958;0;5968",
                        m("/", 2643.0, "MB", pl(5948), pl(5958), 0.0, 5968.0)),
                ok("check_disk several mounts",
                        "/=2643MB;5948;5958;0;5968 /boot=68MB;88;93;0;98 /home=69357MB;253404;253409;0;253414 /var/log=818MB;970;975;0;980",
                        m("/", 2643.0, "MB", pl(5948), pl(5958), 0.0, 5968.0),
                        m("/boot", 68.0, "MB", pl(88), pl(93), 0.0, 98.0),
                        m("/home", 69357.0, "MB", pl(253404), pl(253409), 0.0, 253414.0),
                        m("/var/log", 818.0, "MB", pl(970), pl(975), 0.0, 980.0)),
                ok("check_disk quoted labels", "'/'=2643MB;5948;5958;0;5968 '/boot'=68MB;88;93;0;98 '/boot/efi'=6MB;;;0;511",
                        m("/", 2643.0, "MB", pl(5948), pl(5958), 0.0, 5968.0),
                        m("/boot", 68.0, "MB", pl(88), pl(93), 0.0, 98.0),
                        m("/boot/efi", 6.0, "MB", null, null, 0.0, 511.0)),
                ok("check_disk in GB", "/=14GB;35;39;0;39 /data=1.5GB;80;90;0;100",
                        m("/", 14.0, "GB", pl(35), pl(39), 0.0, 39.0),
                        m("/data", 1.5, "GB", pl(80), pl(90), 0.0, 100.0)),
                ok("check_disk mount with a space", "'/media/USB Stick'=3812MB;7000;7500;0;7629",
                        m("/media/USB Stick", 3812.0, "MB", pl(7000), pl(7500), 0.0, 7629.0)),
                ok("check_load", "load1=0.000;5.000;10.000;0; load5=0.010;4.000;6.000;0; load15=0.050;3.000;4.000;0;",
                        m("load1", 0.0, null, pl(5), pl(10), 0.0, null),
                        m("load5", 0.01, null, pl(4), pl(6), 0.0, null),
                        m("load15", 0.05, null, pl(3), pl(4), 0.0, null)),
                ok("check_load per cpu", "load1=0.250;1.000;2.000;0; load5=0.180;1.000;2.000;0; load15=0.120;1.000;2.000;0;",
                        m("load1", 0.25, null, pl(1), pl(2), 0.0, null),
                        m("load5", 0.18, null, pl(1), pl(2), 0.0, null),
                        m("load15", 0.12, null, pl(1), pl(2), 0.0, null)),
                ok("check_procs", "procs=123;250;400;0;", m("procs", 123.0, null, pl(250), pl(400), 0.0, null)),
                ok("check_users", "users=3;5;10;0", m("users", 3.0, null, pl(5), pl(10), 0.0, null)),
                ok("check_swap", "swap=2047MB;409;204;0;2047", m("swap", 2047.0, "MB", pl(409), pl(204), 0.0, 2047.0)),
                ok("check_ups", "voltage=230.000000V;;;0 battery=100.000000%;;;0;100 load=17.000000%;;;0;100 temp=28.5C;;;0",
                        m("voltage", 230.0, "V", null, null, 0.0, null),
                        m("battery", 100.0, "%", null, null, 0.0, 100.0),
                        m("load", 17.0, "%", null, null, 0.0, 100.0),
                        m("temp", 28.5, "C", null, null, 0.0, null)),
                ok("check_sensors with degrees", "'CPU Temp'=45.0°C;70;80 'Fan 1'=1200rpm;;;0",
                        m("CPU Temp", 45.0, "°C", pl(70), pl(80)),
                        m("Fan 1", 1200.0, "rpm", null, null, 0.0, null)),
                ok("check_mem", "TOTAL=8048576KB;;;; USED=5241088KB;6438860;7243718;; FREE=2807488KB;;;; CACHES=1234567KB;;;;",
                        m("TOTAL", 8048576.0, "KB"),
                        m("USED", 5241088.0, "KB", pl(6438860), pl(7243718)),
                        m("FREE", 2807488.0, "KB"),
                        m("CACHES", 1234567.0, "KB")),
                ok("check_iostat", "'tps'=12.34;50;100;; 'KB_read/s'=123.4;;;; 'KB_written/s'=567.8;;;;",
                        m("tps", 12.34, null, pl(50), pl(100)),
                        m("KB_read/s", 123.4),
                        m("KB_written/s", 567.8)),

                // --- databases ---
                ok("check_mysql",
                        "Connections=74c;;; Open_files=24;;; Open_tables=64;;; Qcache_free_memory=16760152;;; Qcache_hits=0c;;; "
                                + "Queries=1090c;;; Questions=1040c;;; Threads_connected=1;;; Threads_running=1;;; Uptime=4433c;;;",
                        m("Connections", 74.0, "c"), m("Open_files", 24.0), m("Open_tables", 64.0),
                        m("Qcache_free_memory", 16760152.0), m("Qcache_hits", 0.0, "c"), m("Queries", 1090.0, "c"),
                        m("Questions", 1040.0, "c"), m("Threads_connected", 1.0), m("Threads_running", 1.0),
                        m("Uptime", 4433.0, "c")),
                ok("check_mysql_health", "connection_time=0.0228;1;5 threads_connected=13;10;20 'tablecache_hitrate'=99.57%;99:;95:",
                        m("connection_time", 0.0228, null, pl(1), pl(5)),
                        m("threads_connected", 13.0, null, pl(10), pl(20)),
                        m("tablecache_hitrate", 99.57, "%", r(99.0, null), r(95.0, null))),
                ok("check_oracle_health",
                        "'tbs_users_usage_pct'=12.34%;90;98 'tbs_users_usage'=123MB;3686;4013;0;4096 'tbs_users_alloc'=4096MB;;;0;4096",
                        m("tbs_users_usage_pct", 12.34, "%", pl(90), pl(98)),
                        m("tbs_users_usage", 123.0, "MB", pl(3686), pl(4013), 0.0, 4096.0),
                        m("tbs_users_alloc", 4096.0, "MB", null, null, 0.0, 4096.0)),
                ok("check_mssql_health", "'connection_time'=0.05;1;5 'cpu_busy'=3.2%;80;90",
                        m("connection_time", 0.05, null, pl(1), pl(5)),
                        m("cpu_busy", 3.2, "%", pl(80), pl(90))),
                ok("check_pgsql", "time=0.011224s;2.000000;8.000000;0.000000",
                        m("time", 0.011224, "s", pl(2), pl(8), 0.0, null)),

                // --- check_nt (NSClient) ---
                ok("check_nt CPULOAD", "'5 min avg Load'=4%;80;90;0;100",
                        m("5 min avg Load", 4.0, "%", pl(80), pl(90), 0.0, 100.0)),
                ok("check_nt USEDDISKSPACE", "'C:\\ Used Space'=31.72Gb;54.58;57.65;0.00;60.68",
                        m("C:\\ Used Space", 31.72, "Gb", pl(54.58), pl(57.65), 0.0, 60.68)),
                ok("check_nt MEMUSE", "'Memory usage'=2048.00MB;3276.80;3686.40;0.00;4096.00",
                        m("Memory usage", 2048.0, "MB", pl(3276.8), pl(3686.4), 0.0, 4096.0)),
                ok("check_nt COUNTER", "'Paging File % Usage'=12.345678%;80;90;",
                        m("Paging File % Usage", 12.345678, "%", pl(80), pl(90))),

                // --- NSClient++ ---
                ok("NSClient++ check_drivesize", "'C:\\ used %'=46%;80;90 'C:\\ used'=109.86GB;191.63;215.58;0;239.53",
                        m("C:\\ used %", 46.0, "%", pl(80), pl(90)),
                        m("C:\\ used", 109.86, "GB", pl(191.63), pl(215.58), 0.0, 239.53)),
                ok("NSClient++ check_cpu", "'total 5m'=3%;80;90 'total 1m'=5%;80;90 'total 5s'=12%;80;90",
                        m("total 5m", 3.0, "%", pl(80), pl(90)),
                        m("total 1m", 5.0, "%", pl(80), pl(90)),
                        m("total 5s", 12.0, "%", pl(80), pl(90))),
                ok("NSClient++ check_memory",
                        "'committed'=4.27GB;12.75;14.35;0;15.94 'committed %'=26%;80;90 'physical'=5.63GB;6.37;7.17;0;7.97 'physical %'=70%;80;90",
                        m("committed", 4.27, "GB", pl(12.75), pl(14.35), 0.0, 15.94),
                        m("committed %", 26.0, "%", pl(80), pl(90)),
                        m("physical", 5.63, "GB", pl(6.37), pl(7.17), 0.0, 7.97),
                        m("physical %", 70.0, "%", pl(80), pl(90))),
                ok("NSClient++ check_service", "'W32Time'=4;0;0 'Spooler'=4;0;0",
                        m("W32Time", 4.0, null, pl(0), pl(0)),
                        m("Spooler", 4.0, null, pl(0), pl(0))),
                ok("NSClient++ check_uptime", "'uptime'=1234567s;172800;86400",
                        m("uptime", 1234567.0, "s", pl(172800), pl(86400))),

                // --- Windows performance counters ---
                ok("Windows processor counter", "'\\Processor(_Total)\\% Processor Time'=3.125;80;90",
                        m("\\Processor(_Total)\\% Processor Time", 3.125, null, pl(80), pl(90))),
                ok("Windows memory counter", "'\\Memory\\Available MBytes'=2345;500;200",
                        m("\\Memory\\Available MBytes", 2345.0, null, pl(500), pl(200))),
                ok("Windows disk counter", "'\\PhysicalDisk(0 C:)\\Avg. Disk sec/Read'=0.000512s;0.025;0.05",
                        m("\\PhysicalDisk(0 C:)\\Avg. Disk sec/Read", 0.000512, "s", pl(0.025), pl(0.05))),
                ok("Windows network counter",
                        "'\\Network Interface(Intel[R] Ethernet Connection I219-LM)\\Bytes Total/sec'=12345.6",
                        m("\\Network Interface(Intel[R] Ethernet Connection I219-LM)\\Bytes Total/sec", 12345.6)),

                // --- SNMP ---
                ok("check_snmp numeric OID", "iso.3.6.1.2.1.1.3.0=123456789",
                        m("iso.3.6.1.2.1.1.3.0", 123456789.0)),
                ok("check_snmp MIB names", "IF-MIB::ifInOctets.1=98765432c IF-MIB::ifOutOctets.1=12345678c",
                        m("IF-MIB::ifInOctets.1", 98765432.0, "c"),
                        m("IF-MIB::ifOutOctets.1", 12345678.0, "c")),
                ok("check_snmp thresholds", "temp=42;50;60 'humidity'=35%;20:60;10:70",
                        m("temp", 42.0, null, pl(50), pl(60)),
                        m("humidity", 35.0, "%", r(20.0, 60.0), r(10.0, 70.0))),
                ok("check_snmp Wi-Fi signal", "signal=-67dBm;-70:;-80:",
                        m("signal", -67.0, "dBm", r(-70.0, null), r(-80.0, null))),

                // --- check_mk ---
                ok("check_mk cpu", "user=2.345;;;; system=1.234;;;; wait=0.123;;;;",
                        m("user", 2.345), m("system", 1.234), m("wait", 0.123)),
                ok("check_mk memory", "mem_used=3982692352;;;0;8289099776 swap_used=0;;;0;2147479552",
                        m("mem_used", 3982692352.0, null, null, null, 0.0, 8289099776.0),
                        m("swap_used", 0.0, null, null, null, 0.0, 2147479552.0)),
                ok("check_mk interface",
                        "in=1234.56;;;0;125000000 inucast=12.3;;;; innucast=0.1;;;; indisc=0;;;; inerr=0;0.01;0.1;; out=2345.67;;;0;125000000",
                        m("in", 1234.56, null, null, null, 0.0, 125000000.0),
                        m("inucast", 12.3), m("innucast", 0.1), m("indisc", 0.0),
                        m("inerr", 0.0, null, pl(0.01), pl(0.1)),
                        m("out", 2345.67, null, null, null, 0.0, 125000000.0)),
                ok("check_mk filesystem", "'/'=12345.67;25000;28000;0;31000 fs_size=31000;;;; growth=-0.123;;;;",
                        m("/", 12345.67, null, pl(25000), pl(28000), 0.0, 31000.0),
                        m("fs_size", 31000.0), m("growth", -0.123)),
                ok("check_mk multi-line output", "fs_used=12345.678MB;25000;28000;0;31000\nfs_size=31000MB;;;;\nfs_used_percent=39.82%;;;;",
                        m("fs_used", 12345.678, "MB", pl(25000), pl(28000), 0.0, 31000.0),
                        m("fs_size", 31000.0, "MB"),
                        m("fs_used_percent", 39.82, "%")),

                // --- misc ---
                ok("check_apache_status", "'Requests/sec'=12.5req/s 'Busy workers'=3;; 'Idle workers'=7;;",
                        m("Requests/sec", 12.5, "req/s"), m("Busy workers", 3.0), m("Idle workers", 7.0)),
                ok("check_docker", "'nginx_mem'=52.3MiB;;;0;1024 'nginx_cpu'=0.25%;80;95;0;100",
                        m("nginx_mem", 52.3, "MiB", null, null, 0.0, 1024.0),
                        m("nginx_cpu", 0.25, "%", pl(80), pl(95), 0.0, 100.0)),
                bad("home-made plugin with a bad threshold", "queue=17;abc;50;0 age=3.2s",
                        metrics(m("queue", 17.0, null, null, pl(50), 0.0, null), m("age", 3.2, "s")),
                        p("queue=17;abc;50;0", PerfdataParser.WARNING_NOT_A_RANGE)),
                bad("home-made plugin printing long output into perfdata", "a=1 b=2 Everything is fine",
                        metrics(m("a", 1.0), m("b", 2.0)),
                        p("Everything", PerfdataParser.MISSING_EQUALS), p("is", PerfdataParser.MISSING_EQUALS),
                        p("fine", PerfdataParser.MISSING_EQUALS)));
    }
}

package io.reactivecql.benchmarks.load;

import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.EmbeddedCassandra;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side load runner: the same workloads through this driver and through the Apache
 * Cassandra Java driver ({@code executeAsync} and {@code executeReactive}), against the same node,
 * drivers alternating within each repetition (and rotating their order between repetitions), with
 * a progress line every few seconds and a table of medians and ratios at the end. Targets: the
 * null node (a stub node answering EXECUTE instantly, in its own JVM: the drivers' own cost) and
 * a real Cassandra node (embedded, started here, commit log without per-write fsync).
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.reactivecql.benchmarks.load.LoadRunner \
 *     targets=null,real reps=3 warmup=5 duration=10
 * </pre>
 *
 * See docs/benchmarks.md; {@code help} lists every setting.
 */
public final class LoadRunner {

    private LoadRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("help") || args[0].equals("--help"))) {
            System.out.println(RunnerOptions.USAGE);
            return;
        }
        RunnerOptions options = RunnerOptions.parse(args);
        PrintStream out = System.out;
        out.println("ReactiveCQL load runner: " + options);
        out.println(machine());
        List<RunResult> results = new ArrayList<>();
        for (String target : options.targets()) {
            if (target.equals("null")) {
                runNull(options, results, out);
            } else {
                runReal(options, results, out);
            }
        }
        Summary.print(results, out);
        out.println("load average at the end: " + Probe.loadAverage());
        System.exit(0);
    }

    private static void runNull(RunnerOptions options, List<RunResult> results, PrintStream out) throws IOException {
        try (NullNode node = NullNode.start("127.0.0.1")) {
            out.println("null node (stub node, instant EXECUTE answers) pid " + node.pid() + " at " + node.address);
            runMatrix("null", node.address, node.datacenter, node.pid(), null, options, results, out);
        }
    }

    private static void runReal(RunnerOptions options, List<RunResult> results, PrintStream out) {
        CassandraCluster cluster;
        if (options.cassandra() != null) {
            cluster = EmbeddedCassandra.external(options.cassandra(), null);
        } else {
            out.println("starting Cassandra " + EmbeddedCassandra.cassandraVersion() + " (full JIT, "
                    + options.cassandraHeapMb() + " MiB heap, periodic commit log sync: no fsync per write)");
            cluster = EmbeddedCassandra.builder()
                    .fastStartup(false)
                    .heapMegabytes(options.cassandraHeapMb())
                    .yaml("commitlog_sync_period", "10000ms")
                    .start();
        }
        try {
            InetSocketAddress address = cluster.contactPoints().get(0);
            long pid = cluster.supportsNodeControl() ? cluster.node(1).pid() : -1;
            out.println("real node " + address + " pid " + pid);
            Runnable settle = cluster.supportsNodeControl() ? () -> {
                cluster.nodetool(1, "flush", Schema.KEYSPACE);
                cluster.nodetool(1, "compact", Schema.KEYSPACE);
            } : null;
            runMatrix("real", address, cluster.localDatacenter(), pid, settle, options, results, out);
        } finally {
            cluster.close();
        }
    }

    /** @param settle for the real node: settles it after the data is written (null: none, or the null node) */
    private static void runMatrix(String target, InetSocketAddress address, String datacenter, long serverPid,
                                  Runnable settle, RunnerOptions options, List<RunResult> results, PrintStream out) {
        boolean real = target.equals("real");
        List<Workload> workloads = new ArrayList<>();
        for (String name : options.workloads()) {
            Workload w = Workload.parse(name);
            if (w.isPaged() && !real) {
                continue; // the null node has no wide partition
            }
            workloads.add(w);
        }
        boolean paged = workloads.stream().anyMatch(Workload::isPaged);
        Map<String, Client> clients = new LinkedHashMap<>();
        JavaDriverSession java = null;
        ReactiveCqlClient ours = new ReactiveCqlClient(address, datacenter, options.pageSize());
        try {
            if (real) {
                RealNodeData.create(ours.session(), options.pagedRows(), paged, settle, out);
            }
            for (String name : options.drivers()) {
                switch (name) {
                    case "reactivecql" -> clients.put(name, ours);
                    case "java-async", "java-reactive" -> {
                        if (java == null) {
                            java = new JavaDriverSession(address, datacenter, options.pageSize());
                            java.prepare();
                            if (paged) {
                                java.preparePartition();
                            }
                        }
                        clients.put(name, name.equals("java-async") ? new JavaDriverAsyncClient(java)
                                : new JavaDriverReactiveClient(java));
                    }
                    default -> throw new IllegalArgumentException(name);
                }
            }
            ours.prepare();
            if (paged) {
                ours.preparePartition();
            }
            Probe probe = new Probe(serverPid);
            List<Client> order = new ArrayList<>(clients.values());
            for (int rep = 1; rep <= options.reps(); rep++) {
                for (Workload workload : workloads) {
                    for (int i = 0; i < order.size(); i++) {
                        // rotate the order each repetition: no driver always runs first (or after a given one)
                        Client client = order.get((i + rep - 1) % order.size());
                        RunResult result = switch (workload.kind()) {
                            case INSERT, SELECT -> new ClosedLoop(client, workload).run(target, rep, options, probe, out);
                            case PAGED -> PagedRead.fast(target, client, workload, rep, options, probe, out);
                            case SLOW_PAGED -> PagedRead.slow(target, client, workload, rep, options, probe, out);
                        };
                        if (result != null) {
                            out.println("RESULT " + result.line());
                            results.add(result);
                        }
                    }
                }
            }
        } finally {
            for (Client c : clients.values()) {
                c.close();
            }
            if (!clients.containsValue(ours)) {
                ours.close();
            }
            if (java != null) {
                java.close();
            }
        }
    }

    private static String machine() {
        StringBuilder s = new StringBuilder("machine: ");
        s.append(Runtime.getRuntime().availableProcessors()).append(" cores");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    s.append(", ").append(line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count says enough
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        s.append(String.format(", %.0f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        s.append(", ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"));
        s.append(", heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB");
        s.append(", GC ").append(ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        s.append(", load ").append(Probe.loadAverage());
        return s.toString();
    }
}

package io.reactivecql.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load runner's settings, from {@code key=value} arguments (every key has a default; an unknown
 * key is an error, so that a typo cannot silently run the defaults).
 *
 * @param targets     {@code null} (the stub node answering EXECUTE instantly) and/or {@code real}
 * @param workloads   workload names, in order (see {@link Workload})
 * @param drivers     driver names, alternated within each repetition (see {@link Client})
 * @param warmup      per run, before measuring
 * @param duration    measured time per run
 * @param reps        repetitions of the whole matrix
 * @param progress    interval of the progress line
 * @param pagedRows   rows of the partition the paged read reads
 * @param pageSize    rows per page for every driver
 * @param slowSeconds how long the slow subscriber of the paged read runs
 * @param cassandra   host:port of an existing node to use instead of starting one (null: start one)
 * @param cassandraHeapMb heap of the node the runner starts
 */
record RunnerOptions(List<String> targets, List<String> workloads, List<String> drivers, Duration warmup,
                     Duration duration, int reps, Duration progress, int pagedRows, int pageSize, int slowSeconds,
                     String cassandra, int cassandraHeapMb) {

    static final String USAGE = String.join("\n",
            "LoadRunner [key=value ...]",
            "  targets=null,real                       where to send the load",
            "  workloads=insert1,insert32,insert256,select32,paged,slowpaged",
            "  drivers=reactivecql,java-async,java-reactive   alternated in every repetition",
            "  warmup=5   duration=10   (seconds per run)      reps=3   progress=2 (seconds)",
            "  pagedRows=1000000   pageSize=5000   slowSeconds=4",
            "  cassandra=HOST:PORT   (use a running node; default: start one, -Dreactivecql.cassandra.addressOffset=K)",
            "  cassandraHeapMb=1024");

    static RunnerOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("targets", "null,real");
        values.put("workloads", "insert1,insert32,insert256,select32,paged,slowpaged");
        values.put("drivers", "reactivecql,java-async,java-reactive");
        values.put("warmup", "5");
        values.put("duration", "10");
        values.put("reps", "3");
        values.put("progress", "2");
        values.put("pagedRows", "1000000");
        values.put("pageSize", "5000");
        values.put("slowSeconds", "4");
        values.put("cassandra", "");
        values.put("cassandraHeapMb", "1024");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !values.containsKey(key)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            values.put(key, arg.substring(eq + 1).trim());
        }
        RunnerOptions options = new RunnerOptions(list(values.get("targets")), list(values.get("workloads")),
                list(values.get("drivers")), seconds(values.get("warmup")), seconds(values.get("duration")),
                positive("reps", values.get("reps")), seconds(values.get("progress")),
                positive("pagedRows", values.get("pagedRows")), positive("pageSize", values.get("pageSize")),
                positive("slowSeconds", values.get("slowSeconds")),
                values.get("cassandra").isEmpty() ? null : values.get("cassandra"),
                positive("cassandraHeapMb", values.get("cassandraHeapMb")));
        for (String target : options.targets()) {
            if (!target.equals("null") && !target.equals("real")) {
                throw new IllegalArgumentException("targets are 'null' and 'real', not '" + target + "'");
            }
        }
        for (String workload : options.workloads()) {
            Workload.parse(workload); // fails on unknown names
        }
        for (String driver : options.drivers()) {
            if (!Client.NAMES.contains(driver)) {
                throw new IllegalArgumentException("drivers are " + Client.NAMES + ", not '" + driver + "'");
            }
        }
        return options;
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(csv.split(","))) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static Duration seconds(String value) {
        double s = Double.parseDouble(value);
        if (s < 0) {
            throw new IllegalArgumentException("a duration must not be negative: " + value);
        }
        return Duration.ofMillis((long) (s * 1000));
    }

    private static int positive(String key, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(key + " must be positive, was " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "targets=" + String.join(",", targets) + " workloads=" + String.join(",", workloads) + " drivers="
                + String.join(",", drivers) + " warmup=" + warmup.toMillis() / 1000.0 + " duration="
                + duration.toMillis() / 1000.0 + " reps=" + reps + " pagedRows=" + pagedRows + " pageSize=" + pageSize
                + " slowSeconds=" + slowSeconds;
    }
}

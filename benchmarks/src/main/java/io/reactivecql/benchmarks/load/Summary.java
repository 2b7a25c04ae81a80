package io.reactivecql.benchmarks.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The table at the end: per target, workload and driver, the median of each figure over the
 * repetitions, and this driver's ratio to each way of calling the Java driver.
 */
final class Summary {

    private static final String OURS = "reactivecql";

    private Summary() {
    }

    static void print(List<RunResult> results, PrintStream out) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.target() + "|" + r.workload() + "|" + r.driver(), k -> new ArrayList<>()).add(r);
        }
        out.println();
        out.println("Medians over repetitions (paged workloads: an op is a row; their p50/p99 is one whole read)");
        out.println("| target | workload | driver | runs | ops/s | p50 us | p99 us | p999 us | client CPU us/op "
                + "| alloc B/op | client cores | server cores | beyond demand: pages, rows | errors |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, RunResult> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunResult>> e : groups.entrySet()) {
            List<RunResult> runs = e.getValue();
            RunResult first = runs.get(0);
            RunResult m = new RunResult(first.target(), first.workload(), first.driver(), runs.size(),
                    median(runs, RunResult::opsPerSecond), median(runs, RunResult::p50Micros),
                    median(runs, RunResult::p99Micros), median(runs, RunResult::p999Micros),
                    median(runs, RunResult::clientCpuMicrosPerOp), median(runs, RunResult::allocatedBytesPerOp),
                    median(runs, RunResult::serverCores), median(runs, RunResult::clientCores),
                    median(runs, RunResult::pagesBeyondDemand), median(runs, RunResult::rowsBeyondDemand),
                    runs.stream().mapToLong(RunResult::errors).sum(),
                    first.load());
            medians.put(e.getKey(), m);
            out.printf("| %s | %s | %s | %d | %,.0f | %s | %s | %s | %s | %,.0f | %.2f | %s | %s | %d |%n", m.target(),
                    m.workload(), m.driver(), runs.size(), m.opsPerSecond(), num(m.p50Micros()), num(m.p99Micros()),
                    num(m.p999Micros()), num(m.clientCpuMicrosPerOp()), m.allocatedBytesPerOp(), m.clientCores(),
                    num(m.serverCores()), Double.isNaN(m.pagesBeyondDemand()) ? "-"
                            : String.format("%.0f, %,.0f", m.pagesBeyondDemand(), m.rowsBeyondDemand()), m.errors());
        }
        out.println();
        out.println("Ratios of reactivecql to the Java driver (medians; ops/s above 1 is better, the rest below 1)");
        out.println("| target | workload | vs | ops/s | p50 | p99 | client CPU/op | alloc/op | beyond demand |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (RunResult ours : medians.values()) {
            if (!ours.driver().equals(OURS)) {
                continue;
            }
            for (String peer : List.of("java-async", "java-reactive")) {
                RunResult theirs = medians.get(ours.target() + "|" + ours.workload() + "|" + peer);
                if (theirs == null) {
                    continue;
                }
                out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", ours.target(), ours.workload(), peer,
                        ratio(ours.opsPerSecond(), theirs.opsPerSecond()), ratio(ours.p50Micros(), theirs.p50Micros()),
                        ratio(ours.p99Micros(), theirs.p99Micros()),
                        ratio(ours.clientCpuMicrosPerOp(), theirs.clientCpuMicrosPerOp()),
                        ratio(ours.allocatedBytesPerOp(), theirs.allocatedBytesPerOp()),
                        Double.isNaN(ours.pagesBeyondDemand()) ? "-"
                                : String.format("%.0f vs %.0f pages", ours.pagesBeyondDemand(),
                                theirs.pagesBeyondDemand()));
            }
        }
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        double[] values = runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }

    private static String ratio(double ours, double theirs) {
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0) {
            return "-";
        }
        return String.format("%.2f x", ours / theirs);
    }
}

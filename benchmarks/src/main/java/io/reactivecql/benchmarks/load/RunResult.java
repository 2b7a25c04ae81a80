package io.reactivecql.benchmarks.load;

/**
 * What one run of one workload through one driver measured. For the paged workloads an "op" is a
 * row; latency then is of the whole read (fast) or absent (slow).
 *
 * @param opsPerSecond        operations (rows for the paged read) per second
 * @param p50Micros           latency percentiles in microseconds (NaN when not measured)
 * @param clientCpuMicrosPerOp this JVM's CPU per operation
 * @param allocatedBytesPerOp this JVM's allocation per operation
 * @param serverCores         the server's CPU use in cores over the run (NaN when unknown)
 * @param clientCores         this JVM's CPU use in cores
 * @param pagesBeyondDemand   slow paged read: the most pages the driver received of which the
 *                            subscriber had asked for no row (NaN otherwise)
 * @param rowsBeyondDemand    slow paged read: the most rows received and not asked for (NaN otherwise)
 * @param errors              failed operations
 */
record RunResult(String target, String workload, String driver, int rep, double opsPerSecond, double p50Micros,
                 double p99Micros, double p999Micros, double clientCpuMicrosPerOp, double allocatedBytesPerOp,
                 double serverCores, double clientCores, double pagesBeyondDemand, double rowsBeyondDemand,
                 long errors, String load) {

    static RunResult of(String target, Workload workload, String driver, int rep, long ops, Probe.Snapshot start,
                        Probe.Snapshot end, org.HdrHistogram.Histogram latency, double pagesBeyondDemand,
                        double rowsBeyondDemand, long errors) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double n = Math.max(1, ops);
        double server = start.serverCpuNanos() < 0 || end.serverCpuNanos() < 0 ? Double.NaN
                : (end.serverCpuNanos() - start.serverCpuNanos()) / 1e9 / seconds;
        double p50 = latency == null || latency.getTotalCount() == 0 ? Double.NaN
                : latency.getValueAtPercentile(50) / 1e3;
        double p99 = latency == null || latency.getTotalCount() == 0 ? Double.NaN
                : latency.getValueAtPercentile(99) / 1e3;
        double p999 = latency == null || latency.getTotalCount() == 0 ? Double.NaN
                : latency.getValueAtPercentile(99.9) / 1e3;
        return new RunResult(target, workload.name(), driver, rep, ops / seconds, p50, p99, p999,
                (end.clientCpuNanos() - start.clientCpuNanos()) / 1e3 / n,
                (end.allocatedBytes() - start.allocatedBytes()) / n, server,
                (end.clientCpuNanos() - start.clientCpuNanos()) / 1e9 / seconds, pagesBeyondDemand, rowsBeyondDemand, errors,
                Probe.loadAverage());
    }

    String line() {
        return String.format("%-5s %-10s %-13s rep %d: %,12.0f ops/s  p50 %8.1f us  p99 %8.1f us  p999 %8.1f us  "
                        + "cpu %7.2f us/op  alloc %,9.0f B/op  client %.2f cores  server %.2f cores%s%s  load %s",
                target, workload, driver, rep, opsPerSecond, p50Micros, p99Micros, p999Micros, clientCpuMicrosPerOp,
                allocatedBytesPerOp, clientCores, serverCores,
                Double.isNaN(pagesBeyondDemand) ? "" : String.format("  beyond demand: %.0f whole pages, %,.0f rows",
                        pagesBeyondDemand, rowsBeyondDemand),
                errors == 0 ? "" : "  ERRORS " + errors, load);
    }
}

package io.reactivecql.benchmarks.load;

/**
 * One workload of the matrix: a prepared single-row INSERT or point SELECT in a closed loop with
 * {@code concurrency} requests in flight, or the paged read of one large partition (fast or slow
 * subscriber).
 */
record Workload(String name, Kind kind, int concurrency) {

    enum Kind { INSERT, SELECT, PAGED, SLOW_PAGED }

    /** {@code insert<c>}, {@code select<c>}, {@code paged}, {@code slowpaged}. */
    static Workload parse(String name) {
        if (name.equals("paged")) {
            return new Workload(name, Kind.PAGED, 1);
        }
        if (name.equals("slowpaged")) {
            return new Workload(name, Kind.SLOW_PAGED, 1);
        }
        for (Kind kind : new Kind[] {Kind.INSERT, Kind.SELECT}) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                int c = Integer.parseInt(name.substring(prefix.length()));
                if (c < 1 || c > 30_000) {
                    throw new IllegalArgumentException("concurrency must be in 1..30000: " + name);
                }
                return new Workload(name, kind, c);
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "': insert<c>, select<c>, paged, slowpaged");
    }

    boolean isPaged() {
        return kind == Kind.PAGED || kind == Kind.SLOW_PAGED;
    }
}

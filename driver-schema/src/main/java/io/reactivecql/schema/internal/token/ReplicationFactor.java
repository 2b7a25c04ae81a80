package io.reactivecql.schema.internal.token;

/**
 * A replication factor as Cassandra writes it: {@code "3"}, or {@code "3/1"} for 3 replicas of
 * which 1 is transient (transient replication, Cassandra 4.0+).
 *
 * @param allReplicas full plus transient replicas: what placement walks the ring for
 * @param transientReplicas the replicas that only hold unrepaired data
 */
record ReplicationFactor(int allReplicas, int transientReplicas) {

    ReplicationFactor {
        if (allReplicas < 0 || transientReplicas < 0) {
            throw new IllegalArgumentException("replication factor " + allReplicas + "/"
                    + transientReplicas + " is negative");
        }
        if (transientReplicas > 0 && transientReplicas >= allReplicas) {
            throw new IllegalArgumentException("replication factor " + allReplicas + "/"
                    + transientReplicas + " has no full replica");
        }
    }

    /** The replicas that hold all the data, the ones routing goes to. */
    int fullReplicas() {
        return allReplicas - transientReplicas;
    }

    /**
     * Parses {@code "N"} or {@code "N/T"} (surrounding blanks allowed).
     *
     * @throws IllegalArgumentException when it is neither, or negative, or all transient
     */
    static ReplicationFactor parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("replication factor is null");
        }
        String s = value.strip();
        int slash = s.indexOf('/');
        try {
            if (slash < 0) {
                return new ReplicationFactor(Integer.parseInt(s), 0);
            }
            return new ReplicationFactor(Integer.parseInt(s.substring(0, slash).strip()),
                    Integer.parseInt(s.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("replication factor '" + value
                    + "' is neither N nor N/T (N replicas, T of them transient)", e);
        }
    }

    @Override
    public String toString() {
        return transientReplicas == 0 ? Integer.toString(allReplicas) : allReplicas + "/" + transientReplicas;
    }
}

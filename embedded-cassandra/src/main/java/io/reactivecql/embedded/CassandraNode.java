package io.reactivecql.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * One node of a {@link CassandraCluster}. Control methods block until the change took effect and
 * throw {@link NodeControlUnsupportedException} on a cluster this library did not start.
 */
public interface CassandraNode {

    /** The node's number, from 1. */
    int id();

    /** The node's IP address, {@code 127.0.0.<id>} for embedded nodes. */
    String address();

    /** Where the node serves CQL. */
    InetSocketAddress nativeAddress();

    /** The node's datacenter. */
    String datacenter();

    /** The node's rack. */
    String rack();

    /** The JMX port (JMX listens on 127.0.0.1 only). */
    int jmxPort();

    /** The pid of the node's current JVM, or of its last one once it was stopped or killed. */
    long pid();

    /** Whether the node's JVM is alive (a paused node is alive). */
    boolean isRunning();

    /** Whether the node was paused with {@link #pause()} and not resumed since. */
    boolean isPaused();

    /** The node's directory: cassandra.yaml, data, commit log and logs. */
    Path directory();

    /** The node's {@code system.log}. */
    Path logFile();

    /** The content of {@code system.log} (all runs of this node since the cluster started). */
    String log();

    /** Stops the node gracefully (SIGTERM), killing it if it takes longer than 30 s. */
    void stop();

    /** Kills the node (SIGKILL). Its data stays; {@link #start()} replays the commit log. */
    void kill();

    /** Freezes the node's JVM (SIGSTOP): its sockets stay open, it answers nothing. */
    void pause();

    /** Continues a paused node (SIGCONT). */
    void resume();

    /** Starts a stopped or killed node on its existing data and waits until the cluster is ready. */
    void start();

    /** {@link #stop()} if running, then {@link #start()}. */
    void restart();

    /** Runs {@code nodetool <args>} against this node and returns its standard output. */
    String nodetool(String... args);
}

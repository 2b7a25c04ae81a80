package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.metadata.Node;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** Lazy plan building blocks: nothing is sorted or copied up front. */
final class Plans {

    private Plans() {
    }

    /** The nodes of {@code nodes} that pass {@code filter}, starting at index {@code start} (mod size), wrapping around. */
    static Iterator<Node> rotating(List<Node> nodes, int start, Predicate<Node> filter) {
        int size = nodes.size();
        if (size == 0) {
            return Collections.emptyIterator();
        }
        return new Rotating(nodes, size, Math.floorMod(start, size), filter);
    }

    /** {@link #rotating}'s iterator: one object per plan. */
    private static final class Rotating extends Lookahead {
        private final List<Node> nodes;
        private final int size;
        private final int first;
        private final Predicate<Node> filter;
        private int i;

        Rotating(List<Node> nodes, int size, int first, Predicate<Node> filter) {
            this.nodes = nodes;
            this.size = size;
            this.first = first;
            this.filter = filter;
        }

        @Override
        Node fetch() {
            while (i < size) {
                Node n = nodes.get((first + i++) % size);
                if (filter.test(n)) {
                    return n;
                }
            }
            return null;
        }
    }

    /** {@code first}, then {@code rest} (each consulted only once the one before is exhausted). */
    static Iterator<Node> concat(Iterator<Node> first, java.util.function.Supplier<Iterator<Node>> rest) {
        return new Iterator<>() {
            private Iterator<Node> current = first;
            private boolean switched;

            @Override
            public boolean hasNext() {
                if (current.hasNext()) {
                    return true;
                }
                if (!switched) {
                    switched = true;
                    current = rest.get();
                    return current.hasNext();
                }
                return false;
            }

            @Override
            public Node next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * {@code source}, with the nodes that are {@code late} given after all the others; lazy: it
     * reads ahead only past late nodes. Without late nodes (the usual case), it costs one test per
     * node.
     */
    static Iterator<Node> deprioritizing(Iterator<Node> source, Predicate<Node> late) {
        return new Lookahead() {
            private java.util.ArrayDeque<Node> held;

            @Override
            Node fetch() {
                while (source.hasNext()) {
                    Node n = source.next();
                    if (!late.test(n)) {
                        return n;
                    }
                    if (held == null) {
                        held = new java.util.ArrayDeque<>(2);
                    }
                    held.add(n);
                }
                return held == null ? null : held.poll();
            }
        };
    }

    /** The elements of {@code source} that pass {@code filter}, lazily. */
    static final class Filtering extends Lookahead {
        private final Iterator<Node> source;
        private final Predicate<Node> filter;

        Filtering(Iterator<Node> source, Predicate<Node> filter) {
            this.source = source;
            this.filter = filter;
        }

        @Override
        Node fetch() {
            while (source.hasNext()) {
                Node n = source.next();
                if (filter.test(n)) {
                    return n;
                }
            }
            return null;
        }
    }

    /** An iterator that finds its next node ahead of {@link #next()}: subclasses say how. */
    abstract static class Lookahead implements Iterator<Node> {
        private Node next;

        /** The next node of the plan, or null at its end (and again null if called after it). */
        abstract Node fetch();

        @Override
        public final boolean hasNext() {
            if (next == null) {
                next = fetch();
            }
            return next != null;
        }

        @Override
        public final Node next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Node n = next;
            next = null;
            return n;
        }
    }
}

package io.reactivecql.api.result;

import io.reactivecql.protocol.response.result.ColumnSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a result, or the bind markers of a prepared statement, in order. Looks names up
 * by CQL identifier rules: an unquoted name matches case-insensitively ({@code "userid"} finds
 * column {@code userId}), a double-quoted one exactly ({@code "\"userId\""}); when several columns
 * match, the first wins. Immutable; lookups allocate nothing for lower-case names.
 */
public final class ColumnDefinitions implements Iterable<ColumnDefinition> {

    /** No columns. */
    public static final ColumnDefinitions EMPTY = new ColumnDefinitions(List.of());

    private final List<ColumnDefinition> columns;
    private final Map<String, Integer> exact;
    private final Map<String, Integer> lowerCase;

    private ColumnDefinitions(List<ColumnDefinition> columns) {
        this.columns = columns;
        Map<String, Integer> exactMap = new HashMap<>();
        Map<String, Integer> lowerMap = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            exactMap.putIfAbsent(name, i);
            lowerMap.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        this.exact = exactMap;
        this.lowerCase = lowerMap;
    }

    /** Definitions of these columns. */
    public static ColumnDefinitions of(List<ColumnDefinition> columns) {
        return columns.isEmpty() ? EMPTY : new ColumnDefinitions(List.copyOf(columns));
    }

    /** Definitions of the protocol's column specs. */
    public static ColumnDefinitions fromSpecs(List<ColumnSpec> specs) {
        if (specs.isEmpty()) {
            return EMPTY;
        }
        List<ColumnDefinition> list = new ArrayList<>(specs.size());
        for (ColumnSpec s : specs) {
            list.add(new ColumnDefinition(s.keyspace(), s.table(), s.name(), s.type()));
        }
        return new ColumnDefinitions(Collections.unmodifiableList(list));
    }

    /** The number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at {@code index}. */
    public ColumnDefinition get(int index) {
        return columns.get(Objects.checkIndex(index, columns.size()));
    }

    /** The columns, in order. */
    public List<ColumnDefinition> asList() {
        return columns;
    }

    /** The index of the first column named {@code name} (CQL identifier rules), or -1. */
    public int firstIndexOf(String name) {
        int length = name.length();
        if (length >= 2 && name.charAt(0) == '"' && name.charAt(length - 1) == '"') {
            Integer i = exact.get(name.substring(1, length - 1).replace("\"\"", "\""));
            return i == null ? -1 : i;
        }
        Integer i = lowerCase.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** Whether a column is named {@code name} (CQL identifier rules). */
    public boolean contains(String name) {
        return firstIndexOf(name) >= 0;
    }

    /**
     * Like {@link #firstIndexOf} but throws for an unknown name.
     *
     * @throws IllegalArgumentException naming the columns there are
     */
    public int indexOf(String name) {
        int i = firstIndexOf(name);
        if (i < 0) {
            List<String> names = new ArrayList<>(columns.size());
            columns.forEach(c -> names.add(c.name()));
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        return i;
    }

    @Override
    public Iterator<ColumnDefinition> iterator() {
        return columns.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnDefinitions other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}

package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Where the frames of one batch start and end within the envelope bytes. Whole envelopes are packed
 * into self-contained frames; an envelope longer than the payload limit closes the current frame
 * and is cut into frames of its own, none self-contained, as Cassandra does for large messages.
 */
final class FramePlan {

    private int[] indexes;
    private int[] lengths;
    private boolean[] selfContained;
    private int count;

    private FramePlan(int expectedFrames) {
        indexes = new int[expectedFrames];
        lengths = new int[expectedFrames];
        selfContained = new boolean[expectedFrames];
    }

    /**
     * Plans the frames for the envelopes in {@code [start, end)} of {@code buf}.
     *
     * @throws IllegalArgumentException when the bytes are not a sequence of whole envelopes
     */
    static FramePlan of(ByteBuf buf, int start, int end, int maxPayloadLength) {
        FramePlan plan = new FramePlan((int) ((end - (long) start) / maxPayloadLength) + 2);
        int frameStart = start;
        int at = start;
        while (at < end) {
            int length = FrameEncoder.envelopeLength(buf, at, end);
            if (length > maxPayloadLength) {
                plan.closeContained(frameStart, at);
                for (int offset = 0; offset < length; offset += maxPayloadLength) {
                    plan.add(at + offset, Math.min(maxPayloadLength, length - offset), false);
                }
                at += length;
                frameStart = at;
            } else {
                if (at + length - frameStart > maxPayloadLength) {
                    plan.closeContained(frameStart, at);
                    frameStart = at;
                }
                at += length;
            }
        }
        plan.closeContained(frameStart, at);
        return plan;
    }

    private void closeContained(int from, int to) {
        if (to > from) {
            add(from, to - from, true);
        }
    }

    private void add(int index, int length, boolean contained) {
        if (count == indexes.length) {
            int grown = count * 2;
            indexes = Arrays.copyOf(indexes, grown);
            lengths = Arrays.copyOf(lengths, grown);
            selfContained = Arrays.copyOf(selfContained, grown);
        }
        indexes[count] = index;
        lengths[count] = length;
        selfContained[count] = contained;
        count++;
    }

    int count() {
        return count;
    }

    int index(int frame) {
        return indexes[frame];
    }

    int length(int frame) {
        return lengths[frame];
    }

    boolean selfContained(int frame) {
        return selfContained[frame];
    }
}

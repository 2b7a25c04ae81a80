package io.reactivecql.samples.webflux.web;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;

/**
 * Writes {@code application/x-ndjson} responses: one JSON document per element, each followed by
 * a new line, as one plain {@code writeWith} body.
 *
 * <p>Why not Spring's own writer: for streaming media types it wraps each encoded element in a
 * {@code Mono.just(buffer)} and hands them to Reactor Netty's {@code sendGroups}, whose
 * {@code concatMap} queues up to 32 of those wrappers; when the client goes away, the queued
 * wrappers are dropped unsubscribed and their pooled buffers leak (Spring 7.0.10, Reactor Netty
 * 1.3.7: netty's leak detector reports them after a client leaves a stream). Here the buffers themselves flow into Reactor Netty's
 * send queue, which releases what it still holds on cancel. It also flushes once per burst of
 * rows (a page) instead of once per row, with the same latency: the send loop flushes whenever
 * it has written everything it has.
 */
final class NdjsonWriter implements HttpMessageWriter<Object> {

    private static final byte NEW_LINE = '\n';

    private final Encoder<Object> encoder;

    NdjsonWriter(JacksonJsonEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return List.of(MediaType.APPLICATION_NDJSON);
    }

    /**
     * Only when {@code application/x-ndjson} was chosen (a handler that {@code produces} it): never
     * for a media type still to be negotiated, so error bodies keep {@code application/problem+json}.
     */
    @Override
    public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
        return mediaType != null && MediaType.APPLICATION_NDJSON.isCompatibleWith(mediaType)
                && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
                && encoder.canEncode(elementType, MediaType.APPLICATION_JSON);
    }

    @Override
    public Mono<Void> write(Publisher<?> inputStream, ResolvableType elementType, @Nullable MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        message.getHeaders().setContentType(MediaType.APPLICATION_NDJSON);
        Flux<DataBuffer> lines = Flux.from(inputStream)
                .map(value -> {
                    DataBuffer line = encoder.encodeValue(value, message.bufferFactory(), elementType,
                            MediaType.APPLICATION_JSON, hints);
                    try {
                        return line.ensureWritable(1).write(NEW_LINE);
                    } catch (RuntimeException e) {
                        DataBufferUtils.release(line);
                        throw e;
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        return message.writeWith(lines);
    }
}

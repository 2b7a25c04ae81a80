package io.reactivecql.samples.webflux.web;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code text/event-stream} responses: each element (a {@link ServerSentEvent}, or a value
 * sent as the data of one) as one buffer, {@code id:}/{@code event:} lines, {@code data:} and the
 * value as JSON, a blank line, all as one plain {@code writeWith} body.
 *
 * <p>Spring's own writer hands each event to Reactor Netty's {@code sendGroups} as a small
 * {@code Flux} of three buffers; when the client goes away while one is half sent, the buffers
 * it has not emitted yet are dropped unreleased (netty's leak detector reports the data buffer;
 * Spring Framework 7.0.10, Reactor Netty 1.3.7). Here nothing sits outside Reactor Netty's send
 * queue, which releases what it holds on cancel; see {@link NdjsonWriter}.
 */
final class SseWriter implements HttpMessageWriter<Object> {

    private final Encoder<Object> encoder;

    SseWriter(JacksonJsonEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return List.of(MediaType.TEXT_EVENT_STREAM);
    }

    /** Only when {@code text/event-stream} was chosen, like {@link NdjsonWriter#canWrite}. */
    @Override
    public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
        return mediaType != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(mediaType)
                && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
                && (ServerSentEvent.class.isAssignableFrom(elementType.toClass())
                        || encoder.canEncode(elementType, MediaType.APPLICATION_JSON));
    }

    @Override
    public Mono<Void> write(Publisher<?> inputStream, ResolvableType elementType, @Nullable MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        message.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
        ResolvableType dataType = ServerSentEvent.class.isAssignableFrom(elementType.toClass())
                ? elementType.getGeneric() : elementType;
        DataBufferFactory factory = message.bufferFactory();
        Flux<DataBuffer> events = Flux.from(inputStream)
                .map(element -> encode(element instanceof ServerSentEvent<?> sse ? sse
                        : ServerSentEvent.builder(element).build(), dataType, factory, hints))
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        return message.writeWith(events);
    }

    private DataBuffer encode(ServerSentEvent<?> event, ResolvableType dataType, DataBufferFactory factory,
                              Map<String, Object> hints) {
        DataBuffer buffer = factory.allocateBuffer(256);
        try {
            buffer.write(event.format(), StandardCharsets.UTF_8); // id:, event:, ..., "data:" when there is data
            if (event.data() != null) {
                DataBuffer json = encoder.encodeValue(event.data(), factory, dataType, MediaType.APPLICATION_JSON, hints);
                try {
                    buffer.write(json); // compact JSON: no new line inside, so one data: line
                } finally {
                    DataBufferUtils.release(json);
                }
                buffer.write("\n", StandardCharsets.UTF_8);
            }
            return buffer.write("\n", StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            DataBufferUtils.release(buffer);
            throw e;
        }
    }
}

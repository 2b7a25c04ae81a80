package io.reactivecql.samples.webflux.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP codecs: Boot's, plus leak-free writers of the two streaming media types,
 * {@code application/x-ndjson} ({@link NdjsonWriter}) and {@code text/event-stream} ({@link SseWriter}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    CodecCustomizer streamingWriters(JsonMapper jsonMapper) {
        // custom writers come before the default ones, so these win for their media types
        JacksonJsonEncoder json = new JacksonJsonEncoder(jsonMapper);
        return configurer -> {
            configurer.customCodecs().register(new NdjsonWriter(json));
            configurer.customCodecs().register(new SseWriter(json));
        };
    }
}

package io.reactivecql.samples.webflux.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP codecs: Boot's, plus the leak-free {@code application/x-ndjson} writer ({@link NdjsonWriter}). */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    CodecCustomizer ndjsonWriter(JsonMapper jsonMapper) {
        // custom writers come before the default ones, so this one wins for application/x-ndjson
        return configurer -> configurer.customCodecs().register(new NdjsonWriter(new JacksonJsonEncoder(jsonMapper)));
    }
}

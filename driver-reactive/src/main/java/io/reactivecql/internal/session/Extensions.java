package io.reactivecql.internal.session;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.extension.ControlChannel;
import io.reactivecql.api.extension.SessionExtension;
import io.reactivecql.api.extension.SessionExtensionProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the extension providers (once per class loader) and attaches them to a new session. */
final class Extensions {

    /** ServiceLoader reads jar resources: done once, off the event loops. */
    private static final Mono<List<SessionExtensionProvider>> DISCOVERED = Mono.fromCallable(() -> {
        List<SessionExtensionProvider> found = new ArrayList<>();
        ServiceLoader.load(SessionExtensionProvider.class, Extensions.class.getClassLoader()).forEach(found::add);
        return List.copyOf(found);
    }).subscribeOn(Schedulers.boundedElastic()).cache();

    private Extensions() {
    }

    /** Attaches every provider in order; fails with the first provider's error. */
    static Mono<List<SessionExtension>> attach(SessionBuilder builder, ReactiveSession session, ControlChannel control) {
        return DISCOVERED.map(builder::extensions)
                .flatMapMany(Flux::fromIterable)
                .concatMap(provider -> provider.attach(session, control))
                .collectList()
                .map(List::<SessionExtension>copyOf);
    }
}

package io.reactivecql.internal.session;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.internal.config.BuilderLayer;
import io.reactivecql.internal.config.ConfigResolver;
import io.reactivecql.internal.config.Resolution;
import io.reactivecql.internal.request.SessionContext;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Keeps a running session's reloadable settings in step with its configuration sources: at each
 * signal of the builder's reload trigger, and every {@code basic.config-reload-interval} when
 * positive, the sources are read again (off the event loops) and the reloadable options applied.
 * Reloads run one at a time; a trigger that fires during a reload causes one more reload, not one
 * per signal. A reload that fails (an invalid value, a missing file) is logged and changes
 * nothing. Non-reloadable options that changed are logged once: they need a new session. Stops
 * when the session closes.
 */
public final class ConfigReloading {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloading.class);

    private ConfigReloading() {
    }

    /**
     * Starts following the configuration of {@code session}, opened from {@code layer} with
     * {@code initial}; returns {@code session}.
     *
     * @param trigger the builder's reload trigger, or null
     */
    public static ReactiveSession follow(ReactiveSession session, BuilderLayer layer, Resolution initial,
                                         Publisher<?> trigger) {
        Duration interval = initial.options().getDuration(DriverOption.CONFIG_RELOAD_INTERVAL);
        boolean periodic = interval != null && !interval.isZero();
        if (trigger == null && !periodic) {
            return session;
        }
        if (!(session instanceof DefaultSession running)) {
            LOG.warn("configuration reload is not supported for {}: settings stay as opened", session);
            return session;
        }
        Flux<Object> ticks = Flux.merge(trigger == null ? Flux.empty() : Flux.from(trigger),
                periodic ? Flux.interval(interval, interval) : Flux.empty());
        Follower follower = new Follower(running.context(), initial.options());
        ticks.onBackpressureLatest()
                .concatMap(tick -> ConfigResolver.resolveLater(layer)
                        .doOnNext(follower::apply)
                        .onErrorResume(e -> {
                            LOG.warn("configuration reload failed; the settings in force stay: {}", e.getMessage());
                            return Mono.empty();
                        }), 1)
                .takeUntilOther(running.whenClosed().onErrorResume(e -> Mono.empty()).then(Mono.just(Boolean.TRUE)))
                .subscribe(null, e -> LOG.warn("configuration reload stopped: {}", e.toString()));
        return session;
    }

    /** Applies reloads to one session; used by one reload at a time. */
    private static final class Follower {
        private final SessionContext ctx;
        private DriverOptions last;

        Follower(SessionContext ctx, DriverOptions initial) {
            this.ctx = ctx;
            this.last = initial;
        }

        void apply(Resolution fresh) {
            ConfigResolver.Reloaded reloaded = ConfigResolver.reloaded(ctx.config(), ctx.policies(), fresh);
            ctx.reconfigure(reloaded.config(), reloaded.policies());
            String applied = reloadableChanges(last, fresh.options());
            if (!applied.isEmpty()) {
                LOG.info("configuration reloaded: {}", applied);
            }
            Set<String> ignored = ConfigResolver.changedButNotReloadable(last, fresh.options());
            if (!ignored.isEmpty()) {
                LOG.warn("configuration reload: {} changed but cannot change in a running session "
                        + "(takes effect in a new session)", ignored);
            }
            last = fresh.options();
        }

        private static String reloadableChanges(DriverOptions before, DriverOptions after) {
            StringJoiner j = new StringJoiner(", ");
            for (DriverOption option : DriverOption.values()) {
                if (option.isReloadable() && !Objects.equals(before.get(option), after.get(option))) {
                    j.add(option.path() + " = " + after.get(option));
                }
            }
            if (!before.profileNames().equals(after.profileNames())) {
                j.add("profiles " + after.profileNames());
            } else {
                for (String name : after.profileNames()) {
                    if (!before.profile(name).equals(after.profile(name))) {
                        j.add("profile " + name);
                    }
                }
            }
            return j.toString();
        }
    }
}

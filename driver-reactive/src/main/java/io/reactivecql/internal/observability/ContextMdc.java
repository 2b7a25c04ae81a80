package io.reactivecql.internal.observability;

import org.slf4j.MDC;
import reactor.util.context.ContextView;

import java.util.List;

/**
 * Copies chosen keys of a request's Reactor context into the SLF4J MDC for the duration of one
 * log call, then restores what the MDC held: the thread (an event loop) serves other requests.
 */
final class ContextMdc {

    private final List<String> keys;

    ContextMdc(List<String> keys) {
        this.keys = keys;
    }

    /** Runs {@code log} with the context's values of the keys in the MDC. */
    void run(ContextView context, Runnable log) {
        if (keys.isEmpty()) {
            log.run();
            return;
        }
        String[] previous = new String[keys.size()];
        boolean[] set = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Object value = context.getOrDefault(key, null);
            if (value != null) {
                previous[i] = MDC.get(key);
                MDC.put(key, value.toString());
                set[i] = true;
            }
        }
        try {
            log.run();
        } finally {
            for (int i = 0; i < keys.size(); i++) {
                if (set[i]) {
                    if (previous[i] == null) {
                        MDC.remove(keys.get(i));
                    } else {
                        MDC.put(keys.get(i), previous[i]);
                    }
                }
            }
        }
    }
}

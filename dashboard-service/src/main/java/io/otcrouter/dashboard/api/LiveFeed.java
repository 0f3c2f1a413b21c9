package io.otcrouter.dashboard.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.dashboard.readmodel.ReadModelChanges;
import io.otcrouter.dashboard.readmodel.ReadModelPart;

/**
 * Pushes the read model to open pages as Server-Sent Events. A new subscriber first gets a full snapshot, then
 * one event per changed part. Changes are coalesced and flushed on a short fixed delay, so a replay of 100,000
 * trades sends a few snapshots, not 100,000 messages; every event carries the whole part, so a page that missed
 * some (reconnect, slow network) is right again with the next one.
 */
@Component
class LiveFeed implements ReadModelChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    /** A stream is closed after this long; the browser's EventSource reconnects at once and gets a snapshot. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** Tells the browser how soon to reconnect after the stream drops. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    static final int RECENT_TRADES = 20;
    static final String CLIENTS_METRIC = "otc.dashboard.sse.clients";

    private final ReadModelPayloads payloads;
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final Set<ReadModelPart> dirty = ConcurrentHashMap.newKeySet();

    LiveFeed(ReadModelPayloads payloads, MeterRegistry registry) {
        this.payloads = payloads;
        // Read at scrape time; a stream whose browser went away counts until a send or heartbeat finds it dead.
        Gauge.builder(CLIENTS_METRIC, emitters, Set::size)
                .description("Open live streams (pages subscribed to /api/stream) on this instance")
                .register(registry);
    }

    @Override
    public void changed(ReadModelPart part) {
        dirty.add(part);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> {
            emitters.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> emitters.remove(emitter));
        emitters.add(emitter);
        send(emitter, events(EnumSet.allOf(ReadModelPart.class)), true);
        return emitter;
    }

    int subscribers() {
        return emitters.size();
    }

    @Scheduled(fixedDelayString = "${otc.live.flush-interval:500ms}")
    void flush() {
        EnumSet<ReadModelPart> parts = EnumSet.noneOf(ReadModelPart.class);
        for (ReadModelPart part : ReadModelPart.values()) {
            if (dirty.remove(part)) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() || emitters.isEmpty()) {
            return;
        }
        Map<String, Object> events = events(parts);
        emitters.forEach(emitter -> send(emitter, events, false));
    }

    /** A comment line every few seconds: keeps proxies from closing an idle stream and finds dead clients. */
    @Scheduled(fixedDelayString = "${otc.live.heartbeat-interval:15s}")
    void heartbeat() {
        emitters.forEach(emitter -> {
            synchronized (emitter) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    drop(emitter, e);
                }
            }
        });
    }

    /** Closes the streams first, so open pages never hold up a graceful shutdown. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    private Map<String, Object> events(Set<ReadModelPart> parts) {
        Map<String, Object> events = new LinkedHashMap<>();
        if (parts.contains(ReadModelPart.PRICES)) {
            events.put("prices", payloads.prices());
        }
        if (parts.contains(ReadModelPart.TRADES)) {
            events.put("stats", payloads.stats());
            events.put("trades", payloads.trades(RECENT_TRADES));
            events.put("analytics", payloads.analytics());
        }
        if (parts.contains(ReadModelPart.POOLS)) {
            events.put("pools", payloads.pools());
        }
        return events;
    }

    /** SseEmitter is not thread-safe: the subscribing request and the scheduler both send, one at a time. */
    private void send(SseEmitter emitter, Map<String, Object> events, boolean first) {
        synchronized (emitter) {
            try {
                List<SseEmitter.SseEventBuilder> builders = new ArrayList<>();
                events.forEach((name, payload) -> builders.add(
                        SseEmitter.event().name(name).data(payload, MediaType.APPLICATION_JSON)));
                if (first && !builders.isEmpty()) {
                    builders.set(0, builders.get(0).reconnectTime(RECONNECT_DELAY.toMillis()));
                }
                for (SseEmitter.SseEventBuilder builder : builders) {
                    emitter.send(builder);
                }
            } catch (IOException | IllegalStateException e) {
                drop(emitter, e);
            }
        }
    }

    private void drop(SseEmitter emitter, Exception cause) {
        // A closed browser tab is the usual cause: not an error, the page reconnects if it is still open.
        log.debug("Live stream closed: {}", cause.toString());
        emitters.remove(emitter);
    }
}

package io.otcrouter.dashboard.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: the live read model as Server-Sent Events named {@code stats}, {@code trades},
 * {@code prices}, {@code pools} and {@code analytics}, each carrying the same JSON as the matching endpoint.
 */
@RestController
class LiveFeedController {

    private final LiveFeed liveFeed;

    LiveFeedController(LiveFeed liveFeed) {
        this.liveFeed = liveFeed;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return liveFeed.subscribe();
    }
}

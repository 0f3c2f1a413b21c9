package io.otcrouter.dashboard.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/stream}: the live read model as Server-Sent Events named {@code stats}, {@code trades},
 * {@code prices}, {@code pools} and {@code analytics}, each carrying the same JSON as the matching endpoint.
 */
@RestController
@Tag(name = "Read model")
@SecurityRequirement(name = ApiAccess.SESSION, scopes = ApiAccess.VIEWER)
@SecurityRequirement(name = ApiAccess.BASIC, scopes = ApiAccess.VIEWER)
class LiveFeedController {

    private final LiveFeed liveFeed;

    LiveFeedController(LiveFeed liveFeed) {
        this.liveFeed = liveFeed;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The read model, live", description = "Server-Sent Events named stats, trades, prices, "
            + "pools and analytics, each carrying the JSON of the endpoint of the same name")
    @ApiResponse(responseCode = "200", description = "The stream; it stays open",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    example = "event: stats\ndata: {\"totalTrades\":42}\n\n")))
    SseEmitter stream() {
        return liveFeed.subscribe();
    }
}

package io.otcrouter.router.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.events.Route;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.router.api.InvalidTradeRequestException.FieldError;
import io.otcrouter.router.config.RouterProperties;
import io.otcrouter.router.config.TradeApiProperties;
import io.otcrouter.router.routing.TradeIntent;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.router.tracking.TradeTracker;
import io.otcrouter.router.tracking.TradeView;
import io.otcrouter.router.trades.SubmittedTrade;
import io.otcrouter.router.trades.Submitter;
import io.otcrouter.router.trades.TradeAttempt;
import io.otcrouter.router.trades.TradeService;
import io.otcrouter.security.apidocs.ApiDocs;
import io.otcrouter.security.input.StrictInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trade API: submit a trade (optionally waiting for its settlement), ask for an indicative quote, follow a
 * trade from its decision to its settlement. Spring Security has checked the API key, its scope and the body size
 * before (see SecurityConfig), the router's filters the key's rate, admission and the idempotency key. Query
 * parameters a route does not read are refused like unknown JSON fields, so a misspelt one is never ignored.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Trades")
class TradeController {

    private static final String ON_BEHALF_OF = "The person an API key with the delegate scope acts for (the "
            + "dashboard's key); refused with 403 for any other key";

    private static final String WAIT_SETTLED = "settled";
    private static final Pattern TRADE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final TradeService trades;
    private final TradeTracker tracker;
    private final TradeRequestValidator validator;
    private final TradeApiProperties api;

    TradeController(TradeService trades, TradeTracker tracker, RouterProperties properties, TradeApiProperties api) {
        this.trades = trades;
        this.tracker = tracker;
        this.validator = new TradeRequestValidator(TokenCatalog.defaults(), properties.maxAmountUnits());
        this.api = api;
    }

    @PostMapping("/trades")
    @Operation(summary = "Submit a trade", description = "Routes and executes the trade; answers its decision, or "
            + "with wait=settled its settlement (at most ROUTER_SETTLE_WAIT, 10 s). The same Idempotency-Key with "
            + "the same body answers the first attempt's trade, never a second one.")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ApiCaller.TRADE)
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Any client-chosen string of up "
            + "to 255 printable characters; kept 24 h per API key", example = "desk-7-2026-12-05-0001")
    @ApiResponse(responseCode = "201", description = "Decided (and, with wait=settled, settled if the ledger "
            + "settled it in time)", headers = {@Header(name = "Location", description = "Where to follow the trade"),
                    @Header(name = ApiPaths.REPLAYED_HEADER, description = "true when this is an earlier attempt's "
                            + "trade")},
            content = @Content(schema = @Schema(implementation = TradeView.class)))
    @ApiResponse(responseCode = "202", description = "Decided but the event log has not confirmed it yet: poll the "
            + "Location or repeat with the same Idempotency-Key", content = @Content(schema = @Schema(
                    type = "object", description = "tradeId, status UNCONFIRMED, detail, poll")))
    @ApiResponse(responseCode = "400", description = "Invalid trade request, unreadable body or Idempotency-Key")
    @ApiResponse(responseCode = "409", description = "An attempt with the same Idempotency-Key is still in progress")
    @ApiResponse(responseCode = "422", description = "No venue can fill this trade (decided REJECTED; tradeId and "
            + "candidates in the problem), or the Idempotency-Key was used with another body")
    @ApiResponse(responseCode = "429", description = "The API key's rate limit is exceeded; see Retry-After")
    @ApiResponse(responseCode = "503", description = "Nothing was traded, retry with the same Idempotency-Key: the "
            + "router is at capacity, the event log refused the decision, or no venue answered in time")
    @Parameter(in = ParameterIn.HEADER, name = OnBehalfOf.HEADER, description = ON_BEHALF_OF)
    ResponseEntity<?> submit(@RequestBody TradeRequest request,
            @Parameter(description = "'settled' to wait for the ledger's settlement", schema = @Schema(
                    allowableValues = WAIT_SETTLED)) @RequestParam(required = false) String wait,
            HttpServletRequest http) throws InterruptedException {
        onlyParameters(http, "wait");
        if (wait != null && !WAIT_SETTLED.equals(wait)) {
            throw new InvalidTradeRequestException(List.of(new FieldError("wait",
                    "must be '" + WAIT_SETTLED + "' or absent, not '" + StrictInput.shown(wait) + "'")));
        }
        Submitter submitter = OnBehalfOf.submitter(http);
        TradeIntent intent = validator.validate(request);
        // With an Idempotency-Key the trade id was allocated when the key was claimed (see IdempotencyFilter).
        TradeAttempt attempt = http.getAttribute(TradeAttempt.ATTRIBUTE) instanceof TradeAttempt claimed ? claimed
                : TradeAttempt.fresh();
        SubmittedTrade submitted = trades.submit(attempt, intent, submitter);
        TradeView view = submitted.trade();
        HttpHeaders headers = new HttpHeaders();
        if (submitted.decidedEarlier()) {
            headers.set(ApiPaths.REPLAYED_HEADER, "true");
        }
        if (Route.REJECTED.name().equals(view.route())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, view.reason());
            problem.setTitle("No venue can fill this trade");
            problem.setProperty("tradeId", view.tradeId());
            problem.setProperty("candidates", view.candidates());
            return ResponseEntity.unprocessableContent().headers(headers).body(problem);
        }
        if (wait != null) {
            AdmissionFilter.leave(http);
            // Settled, or still DECIDED when the ledger did not settle within the wait: the client can GET it later.
            view = tracker.awaitSettled(view.tradeId(), api.settleWait()).orElse(view);
        }
        return ResponseEntity.created(URI.create(ApiPaths.trade(view.tradeId()))).headers(headers).body(view);
    }

    @GetMapping("/quote")
    @Operation(summary = "Get an indicative quote", description = "Asks every venue and decides as for a trade, "
            + "without executing anything or holding pool inventory")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ApiCaller.TRADE)
    @ApiResponse(responseCode = "200", description = "The decision a trade would get now")
    @ApiResponse(responseCode = "400", description = "Invalid or unknown parameter")
    @ApiResponse(responseCode = "429", description = "The API key's rate limit is exceeded; see Retry-After")
    @ApiResponse(responseCode = "503", description = "The router is at capacity, or no venue answered in time")
    @Parameter(in = ParameterIn.HEADER, name = OnBehalfOf.HEADER, description = ON_BEHALF_OF)
    TradeView quote(@Parameter(example = "SOL") @RequestParam String inputToken,
            @Parameter(example = "USDC") @RequestParam String outputToken,
            @Parameter(description = "Token units, a decimal string", example = "1000") @RequestParam String amount,
            @Parameter(description = "1 to 5000", example = "50") @RequestParam(required = false) String slippageBps,
            HttpServletRequest http) throws InterruptedException {
        onlyParameters(http, "inputToken", "outputToken", "amount", "slippageBps");
        OnBehalfOf.submitter(http);
        TradeIntent intent = validator.validate(inputToken, outputToken, amount, slippageBps);
        return TradeView.indicative(intent, trades.quote(intent));
    }

    /** A key with the read scope sees every trade; one with only the trade scope the trades it submitted. */
    @GetMapping("/trades/{tradeId}")
    @Operation(summary = "Follow a trade", description = "Its decision, its legs as the venues executed them and "
            + "its latest settlement. A key with only the trade scope sees the trades it submitted.")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ApiCaller.TRADE)
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ApiCaller.READ)
    @ApiResponse(responseCode = "200", description = "The trade",
            content = @Content(schema = @Schema(implementation = TradeView.class)))
    @ApiResponse(responseCode = "400", description = "Not a trade id")
    @ApiResponse(responseCode = "404", description = "No such trade (or, for a trade-scope key, not one it submitted)")
    @Parameter(in = ParameterIn.HEADER, name = OnBehalfOf.HEADER, description = ON_BEHALF_OF)
    ResponseEntity<?> find(@Parameter(example = "0b8f5a2e-4c1d-4f7a-9a57-3f2d1c6e8b90") @PathVariable String tradeId,
            HttpServletRequest http) {
        onlyParameters(http);
        if (!TRADE_ID.matcher(tradeId).matches()) {
            throw new InvalidTradeRequestException(
                    List.of(new FieldError("tradeId", "must be 1 to 64 characters of A-Z a-z 0-9 -")));
        }
        OnBehalfOf.submitter(http);
        ApiCaller caller = ApiCaller.of(http);
        Optional<TradeView> trade = caller.hasScope(ApiCaller.READ) ? tracker.find(tradeId)
                : tracker.findSubmittedWith(tradeId, caller.keyId());
        return trade.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No trade " + tradeId + " was decided by this router")));
    }

    private static void onlyParameters(HttpServletRequest http, String... known) {
        Set<String> allowed = new TreeSet<>(List.of(known));
        List<FieldError> errors = new ArrayList<>();
        http.getParameterMap().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(StrictInput.shown(name), "unknown query parameter; known: " + allowed));
            } else if (values.length > 1) {
                errors.add(new FieldError(name, "must be given once, was given " + values.length + " times"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidTradeRequestException(errors);
        }
    }
}

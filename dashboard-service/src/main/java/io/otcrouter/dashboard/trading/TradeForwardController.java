package io.otcrouter.dashboard.trading;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.dashboard.api.ApiAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
/**
 * The trade form's two buttons: "Get live quote" ({@code GET /api/quote}) and "Execute" ({@code POST /api/trades}),
 * forwarded to router-service in the name of the signed-in trader (who may is decided in {@code SecurityConfig}), so
 * the browser only ever talks to the dashboard. The router's status and JSON body, including its problem details,
 * reach the page unchanged; a form the dashboard refuses (see {@link TradeForm}) is never forwarded.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Trading")
@SecurityRequirement(name = ApiAccess.SESSION, scopes = ApiAccess.TRADER)
@SecurityRequirement(name = ApiAccess.BASIC, scopes = ApiAccess.TRADER)
class TradeForwardController {

    private static final Logger log = LoggerFactory.getLogger(TradeForwardController.class);

    private final RouterClient router;

    TradeForwardController(RouterClient router) {
        this.router = router;
    }

    @GetMapping("/quote")
    @Operation(summary = "Get an indicative quote from the router", description = "Forwarded to the router's "
            + "GET /api/quote in the trader's name; its answer, refusals included, comes back unchanged")
    @ApiResponse(responseCode = "200", description = "The router's indicative decision")
    @ApiResponse(responseCode = "400", description = "The form is invalid (never forwarded), or the router refused it")
    @ApiResponse(responseCode = "502", description = "The router could not be reached")
    ResponseEntity<Object> quote(@RequestParam(required = false) String inputToken,
            @RequestParam(required = false) String outputToken, @RequestParam(required = false) String amount,
            @RequestParam(required = false) Integer slippageBps, Principal trader) {
        TradeForm form = new TradeForm(inputToken, outputToken, amount, slippageBps, null).validated(null);
        return router.quote(form, trader.getName()).relay();
    }

    @PostMapping("/trades")
    @Operation(summary = "Submit a trade to the router", description = "Forwarded to the router's POST /api/trades "
            + "in the trader's name (recorded as dashboard-user:<name>); the router's answer, refusals included, "
            + "comes back unchanged (see the router's description for all of them)")
    @ApiResponse(responseCode = "201", description = "The router's decision")
    @ApiResponse(responseCode = "400", description = "The form is invalid (never forwarded), or the router refused it")
    @ApiResponse(responseCode = "422", description = "No venue can fill this trade (the router's answer)")
    @ApiResponse(responseCode = "502", description = "The router could not be reached")
    ResponseEntity<Object> submit(@RequestBody TradeForm form,
            @RequestHeader(name = RouterClient.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Principal trader) {
        return router.submit(form.validated(idempotencyKey), idempotencyKey, trader.getName()).relay();
    }

    @ExceptionHandler(RouterUnavailableException.class)
    ProblemDetail routerUnavailable(RouterUnavailableException e) {
        log.warn("{}", e.getMessage(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Router unavailable");
        return problem;
    }
}

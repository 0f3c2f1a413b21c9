package io.otcrouter.dashboard.trading;

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

/**
 * The trade form's two buttons: "Get live quote" ({@code GET /api/quote}) and "Execute" ({@code POST /api/trades}),
 * forwarded to router-service so the browser only ever talks to the dashboard. The router's status and body,
 * including its problem details, reach the page unchanged.
 */
@RestController
@RequestMapping("/api")
class TradeForwardController {

    private static final Logger log = LoggerFactory.getLogger(TradeForwardController.class);

    private final RouterClient router;

    TradeForwardController(RouterClient router) {
        this.router = router;
    }

    @GetMapping("/quote")
    ResponseEntity<String> quote(@RequestParam(required = false) String inputToken,
            @RequestParam(required = false) String outputToken, @RequestParam(required = false) String amount,
            @RequestParam(required = false) Integer slippageBps) {
        return relay(router.quote(new TradeForm(inputToken, outputToken, amount, slippageBps, null)));
    }

    @PostMapping("/trades")
    ResponseEntity<String> submit(@RequestBody TradeForm form,
            @RequestHeader(name = RouterClient.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return relay(router.submit(form, idempotencyKey));
    }

    @ExceptionHandler(RouterUnavailableException.class)
    ProblemDetail routerUnavailable(RouterUnavailableException e) {
        log.warn("{}", e.getMessage(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Router unavailable");
        return problem;
    }

    private static ResponseEntity<String> relay(RouterAnswer answer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            response.contentType(answer.contentType());
        }
        return response.body(answer.body());
    }
}

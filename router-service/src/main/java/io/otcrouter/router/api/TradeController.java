package io.otcrouter.router.api;

import java.net.URI;

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
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.router.config.RouterProperties;
import io.otcrouter.router.routing.TradeIntent;
import io.otcrouter.router.trades.RecentDecisions;
import io.otcrouter.router.trades.TradeService;

/** The trade API: submit a trade, ask for an indicative quote, read a decision back. */
@RestController
@RequestMapping("/api")
class TradeController {

    private final TradeService trades;
    private final RecentDecisions recent;
    private final TokenCatalog tokens;
    private final TradeRequestValidator validator;

    TradeController(TradeService trades, RecentDecisions recent, RouterProperties properties) {
        this.trades = trades;
        this.recent = recent;
        this.tokens = TokenCatalog.defaults();
        this.validator = new TradeRequestValidator(tokens, properties.maxAmountUnits());
    }

    @PostMapping("/trades")
    ResponseEntity<?> submit(@RequestBody TradeRequest request) throws InterruptedException {
        TradeIntent intent = validator.validate(request);
        RouteDecided decision = trades.execute(intent);
        DecisionView view = DecisionView.of(decision, intent.input(), intent.output());
        if (decision.getRoute() == Route.REJECTED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    decision.getReason());
            problem.setTitle("No venue can fill this trade");
            problem.setProperty("tradeId", decision.getTradeId());
            problem.setProperty("candidates", view.candidates());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return ResponseEntity.created(URI.create("/api/trades/" + decision.getTradeId())).body(view);
    }

    @GetMapping("/quote")
    DecisionView quote(@RequestParam String inputToken, @RequestParam String outputToken, @RequestParam String amount,
            @RequestParam(required = false) Integer slippageBps) throws InterruptedException {
        TradeIntent intent = validator.validate(new TradeRequest(inputToken, outputToken, amount, slippageBps, null));
        return DecisionView.indicative(intent, trades.quote(intent));
    }

    @GetMapping("/trades/{tradeId}")
    ResponseEntity<?> find(@PathVariable String tradeId) {
        return recent.find(tradeId)
                .<ResponseEntity<?>>map(event -> ResponseEntity.ok(DecisionView.of(event,
                        tokens.byMint(event.getInputMint()).orElseThrow(),
                        tokens.byMint(event.getOutputMint()).orElseThrow())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No recent trade " + tradeId + " on this router; the ledger has all")));
    }
}

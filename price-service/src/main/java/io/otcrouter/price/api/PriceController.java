package io.otcrouter.price.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.price.pricing.PriceBoard;

@RestController
@RequestMapping("/api/prices")
class PriceController {

    private final PriceBoard board;

    PriceController(PriceBoard board) {
        this.board = board;
    }

    @GetMapping
    PricesResponse prices() {
        return PricesResponse.of(board.current());
    }
}

package io.otcrouter.otcpool.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.otcpool.pool.PoolRepository;

/** The pool admin API: read-only for now. */
@RestController
@RequestMapping("/api/pools")
class PoolController {

    private final PoolRepository pools;

    PoolController(PoolRepository pools) {
        this.pools = pools;
    }

    @GetMapping
    List<PoolView> list() {
        return pools.findAllByOrderById().stream().map(PoolView::of).toList();
    }

    @GetMapping("/{id}")
    PoolView one(@PathVariable String id) {
        return pools.findById(id).map(PoolView::of).orElseThrow(() -> new PoolNotFoundException(id));
    }
}

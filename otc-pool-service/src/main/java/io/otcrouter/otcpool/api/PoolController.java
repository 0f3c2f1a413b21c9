package io.otcrouter.otcpool.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.otcpool.admin.InventoryInput;
import io.otcrouter.otcpool.admin.NewPoolInput;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.admin.PoolNotFoundException;
import io.otcrouter.otcpool.admin.TermsInput;
import io.otcrouter.otcpool.pool.PoolRepository;

/**
 * The pool admin API. Amounts in token units as decimal strings; every change answers the pool's new state, and
 * bad input answers {@code application/problem+json} with every problem found, having changed nothing. Who may call
 * what is decided in {@code SecurityConfig}; a change is made in the name of the admin key's id, the
 * {@link Principal}'s name.
 */
@RestController
@RequestMapping("/api/pools")
class PoolController {

    private final PoolRepository pools;
    private final PoolAdmin admin;

    PoolController(PoolRepository pools, PoolAdmin admin) {
        this.pools = pools;
        this.admin = admin;
    }

    @GetMapping
    List<PoolView> list() {
        return pools.findAllByOrderById().stream().map(PoolView::of).toList();
    }

    @GetMapping("/{id}")
    PoolView one(@PathVariable String id) {
        return pools.findById(id).map(PoolView::of).orElseThrow(() -> new PoolNotFoundException(id));
    }

    @PostMapping
    ResponseEntity<PoolView> create(@RequestBody NewPoolInput input, Principal adminKey) {
        PoolView created = PoolView.of(admin.create(input, adminKey.getName()));
        return ResponseEntity.created(URI.create("/api/pools/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    PoolView update(@PathVariable String id, @RequestBody TermsInput input, Principal adminKey) {
        return PoolView.of(admin.update(id, input, adminKey.getName()));
    }

    @PostMapping("/{id}/activate")
    PoolView activate(@PathVariable String id, Principal adminKey) {
        return PoolView.of(admin.activate(id, true, adminKey.getName()));
    }

    @PostMapping("/{id}/deactivate")
    PoolView deactivate(@PathVariable String id, Principal adminKey) {
        return PoolView.of(admin.activate(id, false, adminKey.getName()));
    }

    @PostMapping("/{id}/inventory")
    PoolView adjustInventory(@PathVariable String id, @RequestBody InventoryInput input, Principal adminKey) {
        return PoolView.of(admin.adjustInventory(id, input, adminKey.getName()));
    }
}

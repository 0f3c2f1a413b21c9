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
import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pool admin API. Amounts in token units as decimal strings; every change answers the pool's new state, and
 * bad input answers {@code application/problem+json} with every problem found, having changed nothing. Who may call
 * what is decided in {@code SecurityConfig}; a change is made in the name of the admin key's id, the
 * {@link Principal}'s name.
 */
@RestController
@RequestMapping("/api/pools")
@Tag(name = "Pools")
class PoolController {

    private static final String ADMIN = "admin";
    private static final String READ = "read";

    private final PoolRepository pools;
    private final PoolAdmin admin;

    PoolController(PoolRepository pools, PoolAdmin admin) {
        this.pools = pools;
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "List every pool", description = "Active and inactive, by id")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = READ)
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    List<PoolView> list() {
        return pools.findAllByOrderById().stream().map(PoolView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show one pool")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = READ)
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "200", description = "The pool")
    @ApiResponse(responseCode = "404", description = "No such pool")
    PoolView one(@Parameter(example = "desk-a") @PathVariable String id) {
        return pools.findById(id).map(PoolView::of).orElseThrow(() -> new PoolNotFoundException(id));
    }

    @PostMapping
    @Operation(summary = "Create a pool", description = "Terms are required; active defaults to true")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "201", description = "Created; Location names the pool")
    @ApiResponse(responseCode = "400", description = "Invalid or unreadable pool: every problem in errors")
    @ApiResponse(responseCode = "409", description = "A pool with this id exists")
    ResponseEntity<PoolView> create(@RequestBody NewPoolInput input, Principal adminKey) {
        PoolView created = PoolView.of(admin.create(input, adminKey.getName()));
        return ResponseEntity.created(URI.create("/api/pools/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a pool's terms", description = "A term left out (null) keeps its value")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "200", description = "The pool with its new terms")
    @ApiResponse(responseCode = "400", description = "Invalid or unreadable terms: every problem in errors")
    @ApiResponse(responseCode = "404", description = "No such pool")
    @ApiResponse(responseCode = "409", description = "The pool changed meanwhile; nothing was changed, retry")
    PoolView update(@Parameter(example = "desk-a") @PathVariable String id, @RequestBody TermsInput input,
            Principal adminKey) {
        return PoolView.of(admin.update(id, input, adminKey.getName()));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Let a pool quote")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "200", description = "The pool in its new state")
    @ApiResponse(responseCode = "404", description = "No such pool")
    @ApiResponse(responseCode = "409", description = "The pool changed meanwhile; nothing was changed, retry")
    PoolView activate(@Parameter(example = "desk-a") @PathVariable String id, Principal adminKey) {
        return PoolView.of(admin.activate(id, true, adminKey.getName()));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Stop a pool quoting")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "200", description = "The pool in its new state")
    @ApiResponse(responseCode = "404", description = "No such pool")
    @ApiResponse(responseCode = "409", description = "The pool changed meanwhile; nothing was changed, retry")
    PoolView deactivate(@Parameter(example = "desk-a") @PathVariable String id, Principal adminKey) {
        return PoolView.of(admin.activate(id, false, adminKey.getName()));
    }

    @PostMapping("/{id}/inventory")
    @Operation(summary = "Deposit or withdraw inventory", description = "Positive deltas deposit, negative withdraw;"
            + " a withdrawal may not take inventory that firm quotes hold")
    @SecurityRequirement(name = ApiDocs.API_KEY, scopes = ADMIN)
    @ApiResponse(responseCode = "200", description = "The pool with its new inventory")
    @ApiResponse(responseCode = "400", description = "Invalid or unreadable amounts: every problem in errors")
    @ApiResponse(responseCode = "404", description = "No such pool")
    @ApiResponse(responseCode = "409", description = "Not enough free inventory, or the pool changed meanwhile")
    PoolView adjustInventory(@Parameter(example = "desk-a") @PathVariable String id,
            @RequestBody InventoryInput input, Principal adminKey) {
        return PoolView.of(admin.adjustInventory(id, input, adminKey.getName()));
    }
}

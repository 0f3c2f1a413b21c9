package io.otcrouter.dashboard.pooladmin;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.otcrouter.dashboard.api.ApiAccess;
import io.otcrouter.dashboard.forwarding.FieldProblem;
import io.otcrouter.dashboard.forwarding.InvalidForwardException;
import io.otcrouter.dashboard.forwarding.UpstreamAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pool admin page's buttons — activate, deactivate, adjust inventory — forwarded to otc-pool-service for a
 * signed-in admin (who may is decided in {@code SecurityConfig}). The pool service's status and JSON body, the
 * pool's new state or its problem details, reach the page unchanged; the new state also arrives on the pools topic
 * and from there in the read model. Each change is logged with the admin's name, since the pool service records
 * only the dashboard's key.
 */
@RestController
@RequestMapping("/api/admin/pools")
@Tag(name = "Pool administration")
@SecurityRequirement(name = ApiAccess.SESSION, scopes = ApiAccess.ADMIN)
@SecurityRequirement(name = ApiAccess.BASIC, scopes = ApiAccess.ADMIN)
@ApiResponse(responseCode = "200", description = "The pool in its new state (the pool service's answer)")
@ApiResponse(responseCode = "400", description = "Invalid pool id or change (never forwarded)")
@ApiResponse(responseCode = "404", description = "No such pool (the pool service's answer)")
@ApiResponse(responseCode = "409", description = "The pool service refused the change in the pool's state")
@ApiResponse(responseCode = "502", description = "The pool service could not be reached")
class PoolAdminForwardController {

    /** otc-pool-service's pool ids; anything else is refused before it becomes part of a URL. */
    static final Pattern POOL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Logger log = LoggerFactory.getLogger(PoolAdminForwardController.class);

    private final PoolAdminClient pools;

    PoolAdminForwardController(PoolAdminClient pools) {
        this.pools = pools;
    }

    @PostMapping("/{poolId}/activate")
    @Operation(summary = "Let a pool quote", description = "Forwarded to the pool service with the dashboard's key")
    ResponseEntity<Object> activate(@PathVariable String poolId, Principal admin) {
        return setActive(poolId, true, admin);
    }

    @PostMapping("/{poolId}/deactivate")
    @Operation(summary = "Stop a pool quoting", description = "Forwarded to the pool service with the dashboard's key")
    ResponseEntity<Object> deactivate(@PathVariable String poolId, Principal admin) {
        return setActive(poolId, false, admin);
    }

    @PostMapping("/{poolId}/inventory")
    @Operation(summary = "Deposit or withdraw a pool's inventory",
            description = "Forwarded to the pool service with the dashboard's key")
    ResponseEntity<Object> adjustInventory(@PathVariable String poolId, @RequestBody InventoryChange change,
            Principal admin) {
        InventoryChange valid = change.validated();
        UpstreamAnswer answer = pools.adjustInventory(checked(poolId), valid);
        log.info("Dashboard admin {} adjusted the inventory of pool {} by base {} quote {}: HTTP {}", admin.getName(),
                poolId, valid.baseDelta(), valid.quoteDelta(), answer.status().value());
        return answer.relay();
    }

    private ResponseEntity<Object> setActive(String poolId, boolean active, Principal admin) {
        UpstreamAnswer answer = pools.setActive(checked(poolId), active);
        log.info("Dashboard admin {} {} pool {}: HTTP {}", admin.getName(), active ? "activated" : "deactivated",
                poolId, answer.status().value());
        return answer.relay();
    }

    private static String checked(String poolId) {
        if (!POOL_ID.matcher(poolId).matches()) {
            throw new InvalidForwardException("Invalid pool id", List.of(new FieldProblem("poolId",
                    "must be 3-64 lower-case letters, digits or '-', starting with a letter or digit")));
        }
        return poolId;
    }

    @ExceptionHandler(PoolServiceUnavailableException.class)
    ProblemDetail poolServiceUnavailable(PoolServiceUnavailableException e) {
        log.warn("{}", e.getMessage(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Pool service unavailable");
        return problem;
    }
}

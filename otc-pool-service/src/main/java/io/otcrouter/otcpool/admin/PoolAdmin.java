package io.otcrouter.otcpool.admin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.otcpool.config.PoolProperties;
import io.otcrouter.otcpool.pool.ActivePools;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pool.PoolStateEvents;
import io.otcrouter.outbox.Outbox;

/**
 * The pool administration use cases: create, change terms, activate/deactivate, adjust inventory. Each validates
 * everything first (nothing changes on bad input) and, in the same transaction as the change, puts the pool's new
 * full state in the outbox as a PoolStateChanged. Each takes {@code adminId}, the id of the admin's API key (never
 * the key), and logs who made the change.
 */
@Service
public class PoolAdmin {

    private static final Logger log = LoggerFactory.getLogger(PoolAdmin.class);

    private final PoolRepository pools;
    private final ActivePools activePools;
    private final Outbox outbox;
    private final PoolRules rules;
    private final Clock clock;

    PoolAdmin(PoolRepository pools, ActivePools activePools, Outbox outbox, PoolProperties properties, Clock clock) {
        this.pools = pools;
        this.activePools = activePools;
        this.outbox = outbox;
        this.rules = new PoolRules(TokenCatalog.defaults(), properties.maxSpreadBps());
        this.clock = clock;
    }

    @Transactional
    public Pool create(NewPoolInput input, String adminId) {
        List<String> errors = new ArrayList<>();
        rules.id(input.id(), errors);
        Optional<Token> base = rules.token(input.baseSymbol(), "baseSymbol", errors);
        Optional<Token> quote = rules.token(input.quoteSymbol(), "quoteSymbol", errors);
        if (base.isPresent() && quote.isPresent() && base.get().mint().equals(quote.get().mint())) {
            errors.add("baseSymbol and quoteSymbol must differ");
        }
        if (base.isEmpty() || quote.isEmpty()) {
            throw new InvalidPoolRequestException(errors);
        }
        BigInteger baseInventory = rules.amount(base.get(), input.baseInventory(), "baseInventory", errors);
        BigInteger quoteInventory = rules.amount(quote.get(), input.quoteInventory(), "quoteInventory", errors);
        if (baseInventory != null && baseInventory.signum() == 0) {
            errors.add("baseInventory must be positive");
        }
        ValidTerms terms = rules.terms(input.terms(), base.get(), errors);
        failOn(errors);
        if (pools.existsById(input.id())) {
            throw new PoolConflictException("A pool with id " + input.id() + " already exists");
        }
        Pool pool = new Pool(input.id(), base.get(), quote.get(), baseInventory, quoteInventory);
        configure(pool, terms);
        pool.setActive(input.active() == null || input.active());
        return saveAndAnnounce(pool, PoolStateEvents.CREATED, adminId);
    }

    /** Replaces the given terms, keeping the current value of every term left null. */
    @Transactional
    public Pool update(String id, TermsInput input, String adminId) {
        Pool pool = find(id);
        List<String> errors = new ArrayList<>();
        ValidTerms terms = rules.terms(merge(pool, input), pool.baseToken(), errors);
        failOn(errors);
        configure(pool, terms);
        return saveAndAnnounce(pool, PoolStateEvents.UPDATED, adminId);
    }

    /**
     * An inactive pool stops quoting and refuses new legs; firm quotes already claimed by a decision still fill,
     * the others expire.
     */
    @Transactional
    public Pool activate(String id, boolean active, String adminId) {
        Pool pool = find(id);
        pool.setActive(active);
        return saveAndAnnounce(pool, active ? PoolStateEvents.ACTIVATED : PoolStateEvents.DEACTIVATED, adminId);
    }

    @Transactional
    public Pool adjustInventory(String id, InventoryInput input, String adminId) {
        Pool pool = find(id);
        List<String> errors = new ArrayList<>();
        BigInteger baseDelta = input.baseDelta() == null ? BigInteger.ZERO
                : rules.signedAmount(pool.baseToken(), input.baseDelta(), "baseDelta", errors);
        BigInteger quoteDelta = input.quoteDelta() == null ? BigInteger.ZERO
                : rules.signedAmount(pool.quoteToken(), input.quoteDelta(), "quoteDelta", errors);
        if (errors.isEmpty() && baseDelta.signum() == 0 && quoteDelta.signum() == 0) {
            errors.add("baseDelta or quoteDelta must be a non-zero amount");
        }
        failOn(errors);
        if (pools.adjustInventory(id, baseDelta, quoteDelta) == 0) {
            throw new PoolConflictException("Adjustment would leave pool " + id
                    + " with negative inventory or less than its firm quotes hold (base "
                    + pool.getReservedBaseInventory() + ", quote " + pool.getReservedQuoteInventory() + " atomic)");
        }
        Pool saved = find(id);
        announce(saved, PoolStateEvents.INVENTORY_ADJUSTED, adminId);
        return saved;
    }

    /** The pool of exactly this id; a string that cannot be an id names no pool and is not looked up. */
    private Pool find(String id) {
        if (!PoolRules.isId(id)) {
            throw new PoolNotFoundException(id);
        }
        return pools.findById(id).orElseThrow(() -> new PoolNotFoundException(id));
    }

    private static void configure(Pool pool, ValidTerms terms) {
        pool.configure(terms.spreadBps(), terms.sizeTiers(), terms.priceOffsetBps(), terms.minTradeBase(),
                terms.maxTradeBase(), terms.quoteTtlMs(), terms.execDelayMinMs(), terms.execDelayMaxMs());
    }

    private static TermsInput merge(Pool pool, TermsInput in) {
        Token base = pool.baseToken();
        List<TermsInput.TierInput> currentTiers = pool.getSizeTiers().stream()
                .map(t -> new TermsInput.TierInput(units(base, t.minTradeBase()), t.addBps())).toList();
        return new TermsInput(or(in.spreadBps(), pool.getSpreadBps()), or(in.sizeTiers(), currentTiers),
                or(in.priceOffsetBps(), pool.getPriceOffsetBps()),
                or(in.minTradeBase(), units(base, pool.getMinTradeBase())),
                or(in.maxTradeBase(), units(base, pool.getMaxTradeBase())), or(in.quoteTtlMs(), pool.getQuoteTtlMs()),
                or(in.execDelayMinMs(), pool.getExecDelayMinMs()), or(in.execDelayMaxMs(), pool.getExecDelayMaxMs()));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static String units(Token token, BigInteger atomic) {
        return new BigDecimal(atomic, token.decimals()).toPlainString();
    }

    private Pool saveAndAnnounce(Pool pool, String change, String adminId) {
        Pool saved = pools.saveAndFlush(pool);
        announce(saved, change, adminId);
        return saved;
    }

    private void announce(Pool pool, String change, String adminId) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        outbox.append(Topics.POOLS_CHANGED, pool.getId(), PoolStateEvents.snapshot(pool, change, now));
        activePools.changed();
        log.info("Pool {} {} by admin key {}", pool.getId(), change.toLowerCase(), adminId);
    }

    private static void failOn(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidPoolRequestException(errors);
        }
    }
}

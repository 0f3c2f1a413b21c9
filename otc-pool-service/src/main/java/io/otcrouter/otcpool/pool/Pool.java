package io.otcrouter.otcpool.pool;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.otcpool.pricing.PoolTerms;
import io.otcrouter.otcpool.pricing.SizeTier;

/**
 * One OTC pool: a two-sided inventory quoted at the reference price plus a spread, within size limits. Amounts are
 * atomic units; inventory and reservations change only through the conditional updates of {@link PoolRepository},
 * so concurrent quotes and fills serialize on the row and nothing is promised twice. Configuration changes (admin
 * API) go through the entity and its {@code @Version}.
 */
@Entity
@Table(name = "pool")
public class Pool {

    private static final BigDecimal NO_STATIC_PRICE = BigDecimal.ZERO;

    @Id
    private String id;
    @Column(name = "base_symbol", nullable = false)
    private String baseSymbol;
    @Column(name = "base_mint", nullable = false)
    private String baseMint;
    @Column(name = "base_decimals", nullable = false)
    private int baseDecimals;
    @Column(name = "quote_symbol", nullable = false)
    private String quoteSymbol;
    @Column(name = "quote_mint", nullable = false)
    private String quoteMint;
    @Column(name = "quote_decimals", nullable = false)
    private int quoteDecimals;
    @Column(name = "base_inventory", nullable = false, precision = 39)
    private BigInteger baseInventory;
    @Column(name = "quote_inventory", nullable = false, precision = 39)
    private BigInteger quoteInventory;
    @Column(name = "initial_base_inventory", nullable = false, precision = 39)
    private BigInteger initialBaseInventory;
    @Column(name = "spread_bps", nullable = false)
    private int spreadBps;
    @Column(name = "price_offset_bps", nullable = false)
    private int priceOffsetBps;
    @Column(name = "min_trade_base", nullable = false, precision = 39)
    private BigInteger minTradeBase;
    @Column(name = "max_trade_base", nullable = false, precision = 39)
    private BigInteger maxTradeBase;
    @Column(name = "quote_ttl_ms", nullable = false)
    private int quoteTtlMs;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "reserved_base_inventory", nullable = false, precision = 39)
    private BigInteger reservedBaseInventory = BigInteger.ZERO;
    @Column(name = "reserved_quote_inventory", nullable = false, precision = 39)
    private BigInteger reservedQuoteInventory = BigInteger.ZERO;
    @Column(name = "exec_delay_min_ms", nullable = false)
    private int execDelayMinMs;
    @Column(name = "exec_delay_max_ms", nullable = false)
    private int execDelayMaxMs;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pool_size_tier", joinColumns = @JoinColumn(name = "pool_id"))
    @OrderBy("minTradeBase")
    private List<PoolSizeTier> sizeTiers = new ArrayList<>();
    @Version
    private long version;

    protected Pool() {
    }

    /** A new pool with the given tokens; {@link #configure} sets its terms. Inventory starts as given. */
    public Pool(String id, Token base, Token quote, BigInteger baseInventory, BigInteger quoteInventory) {
        this.id = id;
        this.baseSymbol = base.symbol();
        this.baseMint = base.mint();
        this.baseDecimals = base.decimals();
        this.quoteSymbol = quote.symbol();
        this.quoteMint = quote.mint();
        this.quoteDecimals = quote.decimals();
        this.baseInventory = baseInventory;
        this.quoteInventory = quoteInventory;
        this.initialBaseInventory = baseInventory;
        this.active = true;
    }

    /** Replaces the pool's terms (admin API; validated there). */
    public void configure(int spreadBps, List<SizeTier> tiers, int priceOffsetBps, BigInteger minTradeBase,
            BigInteger maxTradeBase, int quoteTtlMs, int execDelayMinMs, int execDelayMaxMs) {
        this.spreadBps = spreadBps;
        this.sizeTiers.clear();
        tiers.forEach(tier -> this.sizeTiers.add(new PoolSizeTier(tier.minTradeBase(), tier.addBps())));
        this.priceOffsetBps = priceOffsetBps;
        this.minTradeBase = minTradeBase;
        this.maxTradeBase = maxTradeBase;
        this.quoteTtlMs = quoteTtlMs;
        this.execDelayMinMs = execDelayMinMs;
        this.execDelayMaxMs = execDelayMaxMs;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** The pool as the pricer sees it. */
    public PoolTerms terms() {
        return new PoolTerms(id, baseToken(), quoteToken(), baseInventory, quoteInventory, reservedBaseInventory,
                reservedQuoteInventory, spreadBps, getSizeTiers(), priceOffsetBps, minTradeBase, maxTradeBase);
    }

    public List<SizeTier> getSizeTiers() {
        return sizeTiers.stream().map(PoolSizeTier::toTier).toList();
    }

    public BigInteger getReservedBaseInventory() {
        return reservedBaseInventory;
    }

    public BigInteger getReservedQuoteInventory() {
        return reservedQuoteInventory;
    }

    public int getExecDelayMinMs() {
        return execDelayMinMs;
    }

    public int getExecDelayMaxMs() {
        return execDelayMaxMs;
    }

    public Token baseToken() {
        return token(baseSymbol, baseMint, baseDecimals);
    }

    public Token quoteToken() {
        return token(quoteSymbol, quoteMint, quoteDecimals);
    }

    /** The pair as BASE/QUOTE, e.g. SOL/USDC. */
    public String pair() {
        return baseSymbol + "/" + quoteSymbol;
    }

    private static Token token(String symbol, String mint, int decimals) {
        // The pool stores what it needs of a token; price-source ids do not matter here.
        return new Token(symbol, mint, decimals, null, null, null, NO_STATIC_PRICE);
    }

    public String getId() {
        return id;
    }

    public String getBaseSymbol() {
        return baseSymbol;
    }

    public String getBaseMint() {
        return baseMint;
    }

    public int getBaseDecimals() {
        return baseDecimals;
    }

    public String getQuoteSymbol() {
        return quoteSymbol;
    }

    public String getQuoteMint() {
        return quoteMint;
    }

    public int getQuoteDecimals() {
        return quoteDecimals;
    }

    public BigInteger getBaseInventory() {
        return baseInventory;
    }

    public BigInteger getQuoteInventory() {
        return quoteInventory;
    }

    public BigInteger getInitialBaseInventory() {
        return initialBaseInventory;
    }

    public int getSpreadBps() {
        return spreadBps;
    }

    public int getPriceOffsetBps() {
        return priceOffsetBps;
    }

    public BigInteger getMinTradeBase() {
        return minTradeBase;
    }

    public BigInteger getMaxTradeBase() {
        return maxTradeBase;
    }

    public int getQuoteTtlMs() {
        return quoteTtlMs;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}

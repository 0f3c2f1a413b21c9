package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a firm quote pays for legs smaller than its size, by the pool's size tiers: from {@code minIn} on, a leg
 * pays {@code out} per {@code in} pro rata, rounded down (the tier's price at its largest leg the quote covers), and
 * never more than the quote's own output — the hold is never larger than the quote's. The last tier is the quote's
 * own ({@code in} and {@code out} the quote's). Published with the quote (PoolQuoted v3) and kept with its
 * reservation, so a leg is filled at exactly the price the router was shown. {@link #FLAT}: every leg at the
 * quote's own price.
 */
public record TierSchedule(List<Tier> tiers) {

    public static final TierSchedule FLAT = new TierSchedule(List.of());

    /** One tier; {@code price} (output units per input unit) and {@code spreadBps} are for people and fill records. */
    public record Tier(BigInteger minIn, BigInteger in, BigInteger out, int spreadBps, BigDecimal price) {
    }

    public TierSchedule {
        tiers = List.copyOf(tiers);
    }

    public boolean isFlat() {
        return tiers.size() < 2;
    }

    /** The quote's output for a leg of {@code legIn}, given the quote's own size and output. */
    public BigInteger legOut(BigInteger legIn, BigInteger quotedIn, BigInteger quotedOut) {
        Tier tier = tierOf(legIn);
        return tier == null ? quotedOut.multiply(legIn).divide(quotedIn)
                : tier.out().multiply(legIn).divide(tier.in()).min(quotedOut);
    }

    /** The price a leg of {@code legIn} fills at: its tier's, or {@code quotedPrice} when flat. */
    public BigDecimal legPrice(BigInteger legIn, BigDecimal quotedPrice) {
        Tier tier = tierOf(legIn);
        return tier == null ? quotedPrice : tier.price();
    }

    /** As kept with the reservation: {@code minIn:in:out:spreadBps:price} per tier, {@code ;} between; null if flat. */
    public String encode() {
        if (isFlat()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Tier tier : tiers) {
            parts.add(tier.minIn() + ":" + tier.in() + ":" + tier.out() + ":" + tier.spreadBps() + ":"
                    + tier.price().toPlainString());
        }
        return String.join(";", parts);
    }

    public static TierSchedule decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return FLAT;
        }
        List<Tier> tiers = new ArrayList<>();
        for (String part : stored.split(";")) {
            String[] fields = part.split(":");
            tiers.add(new Tier(new BigInteger(fields[0]), new BigInteger(fields[1]), new BigInteger(fields[2]),
                    Integer.parseInt(fields[3]), new BigDecimal(fields[4])));
        }
        return new TierSchedule(tiers);
    }

    private Tier tierOf(BigInteger legIn) {
        if (isFlat()) {
            return null;
        }
        Tier found = tiers.get(0);
        for (Tier tier : tiers) {
            if (tier.minIn().compareTo(legIn) <= 0) {
                found = tier;
            }
        }
        return found;
    }
}

package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.dashboard.DashboardEvents.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;

class PoolProjectionTest {

    private final PoolProjection view = new PoolProjection();

    @Test
    void shouldShowHowMuchOfTheInitialInventoryThePoolHasSold() {
        view.apply(pool("p").build());

        PoolSnapshot snapshot = view.pools().get(0);
        assertThat(snapshot.lowBaseInventory()).isFalse();
        assertThat(snapshot.baseInventoryPct()).isEqualByComparingTo("50");
        assertThat(snapshot.utilizationPct()).isEqualByComparingTo("50");
        assertThat(snapshot.status()).isEqualTo("ACTIVE");
        assertThat(snapshot.minTradeBase()).isEqualByComparingTo("10");
        assertThat(snapshot.maxTradeBase()).isEqualByComparingTo("2000");
    }

    @Test
    void shouldFlagAPoolWithLessThanAFifthOfItsInitialBaseInventoryLeft() {
        view.apply(pool("low").setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("1999.999")))).build());
        view.apply(pool("fifth").setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("2000")))).build());
        view.apply(pool("unseeded").setInitialBaseInventory(EventDecimals.atomic(BigInteger.ZERO)).build());

        assertThat(view.pools()).extracting(PoolSnapshot::poolId, PoolSnapshot::lowBaseInventory)
                .containsExactly(tuple("fifth", false), tuple("low", true), tuple("unseeded", false));
        assertThat(view.pools().get(0).utilizationPct()).isEqualByComparingTo("80");
    }

    @Test
    void shouldNotShowNegativeUtilizationWhenThePoolBoughtMoreThanItSold() {
        view.apply(pool("p").setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("12000")))).build());

        assertThat(view.pools().get(0).utilizationPct()).isEqualByComparingTo("0");
    }

    @Test
    void shouldCallAPoolDepletedBelowItsMinimumTradeAndPausedWhenSwitchedOff() {
        view.apply(pool("depleted").setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("9.9")))).build());
        view.apply(pool("paused").setActive(false).build());

        assertThat(view.pools()).extracting(PoolSnapshot::status).containsExactly("DEPLETED", "PAUSED");
    }
}

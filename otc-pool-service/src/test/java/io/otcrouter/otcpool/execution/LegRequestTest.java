package io.otcrouter.otcpool.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.kafka.InvalidEventException;
import io.otcrouter.otcpool.support.Events;

class LegRequestTest {

    private static final BigInteger MIN_OUT = new BigInteger("149000000000");

    @Test
    void shouldTakeTheAtomicAmountsOfAValidLeg() {
        RouteDecided decision = Events.otcDecision("1000", MIN_OUT);

        LegRequest leg = LegRequest.of(decision, decision.getLegs().get(0));

        assertThat(leg.tradeId()).isEqualTo(decision.getTradeId());
        assertThat(leg.inAmount()).isEqualTo(new BigInteger("1000000000000"));
        assertThat(leg.minOut()).isEqualTo(MIN_OUT);
    }

    @Test
    void shouldRefuseALegThatSellsNothingAsAnInvalidEvent() {
        RouteDecided decision = Events.otcDecision("1000", MIN_OUT);
        RouteLeg nothing = RouteLeg.newBuilder(decision.getLegs().get(0)).setInAmount(EventDecimals.atomic(
                BigInteger.ZERO)).build();

        assertThatThrownBy(() -> LegRequest.of(decision, nothing)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("amounts must be positive");
    }

    @Test
    void shouldRefuseANegativeMinimumAsAnInvalidEvent() {
        RouteDecided decision = Events.otcDecision("1000", MIN_OUT);
        RouteLeg negative = RouteLeg.newBuilder(decision.getLegs().get(0)).setMinOutAmount(EventDecimals.atomic(
                BigInteger.valueOf(-1))).build();

        assertThatThrownBy(() -> LegRequest.of(decision, negative)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void shouldRefuseALegWithoutAnIdAsAnInvalidEvent() {
        RouteDecided decision = Events.otcDecision("1000", MIN_OUT);
        RouteLeg anonymous = RouteLeg.newBuilder(decision.getLegs().get(0)).setLegId(" ").build();

        assertThatThrownBy(() -> LegRequest.of(decision, anonymous)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(decision.getEventId());
    }
}

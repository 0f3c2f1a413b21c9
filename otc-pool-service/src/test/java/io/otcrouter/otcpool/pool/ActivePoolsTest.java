package io.otcrouter.otcpool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import io.otcrouter.testsupport.time.MutableClock;


class ActivePoolsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final PoolRepository repository = mock(PoolRepository.class);
    private final ActivePools activePools = new ActivePools(repository, clock);

    @Test
    void shouldReadThePoolsAtMostOncePerMaxAge() {
        Pool first = new Pool();
        Pool second = new Pool();
        when(repository.findByActiveTrueOrderById()).thenReturn(List.of(first), List.of(second));

        List<Pool> atStart = activePools.current();
        clock.advance(ActivePools.MAX_AGE.minusMillis(1));
        List<Pool> justBefore = activePools.current();
        clock.advance(Duration.ofMillis(1));
        List<Pool> atMaxAge = activePools.current();

        assertThat(atStart).containsExactly(first);
        assertThat(justBefore).containsExactly(first);
        assertThat(atMaxAge).containsExactly(second);
        verify(repository, times(2)).findByActiveTrueOrderById();
    }

    @Test
    void shouldReadAgainAtOnceAfterAnAdminChange() {
        Pool before = new Pool();
        Pool after = new Pool();
        when(repository.findByActiveTrueOrderById()).thenReturn(List.of(before), List.of(after));

        activePools.current();
        activePools.changed();

        assertThat(activePools.current()).containsExactly(after);
    }
}

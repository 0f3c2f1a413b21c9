package io.otcrouter.router.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyFilterTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 400, 409, 413, 422})
    void shouldStoreADecidedOrRefusedAnswerAsTheKeysLastWord(int status) {
        assertThat(IdempotencyFilter.isFinal(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {202, 500, 503})
    void shouldLeaveTheKeyToTheNextAttemptAfterAnUnconfirmedDecisionOrAServerError(int status) {
        assertThat(IdempotencyFilter.isFinal(status)).isFalse();
    }
}

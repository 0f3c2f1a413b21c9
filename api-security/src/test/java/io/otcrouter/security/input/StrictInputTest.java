package io.otcrouter.security.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class StrictInputTest {

    @Test
    void shouldParsePlainDecimalsWithinTheirBounds() {
        assertThat(StrictInput.decimal("amount", "1000.25", 12, 9)).isEqualByComparingTo(new BigDecimal("1000.25"));
        assertThat(StrictInput.decimal("baseDelta", "-5", 12, 9)).isEqualByComparingTo(new BigDecimal("-5"));
    }

    @Test
    void shouldRefuseExponentsAndTooManyDigitsNamingTheField() {
        assertThatThrownBy(() -> StrictInput.decimal("baseDelta", "1E+99999999", 12, 9))
                .hasMessageStartingWith("baseDelta: '1E+99999999' is not a plain decimal number");
        assertThatThrownBy(() -> StrictInput.decimal("amount", "1".repeat(200), 12, 9))
                .hasMessageStartingWith("amount: '" + "1".repeat(40) + "…'");
        assertThatThrownBy(() -> StrictInput.decimal("amount", "1.0000000001", 12, 9)).hasMessageContaining("amount");
        assertThatThrownBy(() -> StrictInput.decimal("amount", " 1", 12, 9)).hasMessageContaining("amount");
        assertThatThrownBy(() -> StrictInput.decimal("amount", "", 12, 9)).hasMessage("amount is required");
    }

    @Test
    void shouldRefuseControlCharactersAndShowThemEscaped() {
        assertThatThrownBy(() -> StrictInput.text("outputToken", "USDC\u0000", 16))
                .hasMessage("outputToken contains a control character (at position 5)");
        assertThat(StrictInput.shown("a\u0000b")).isEqualTo("a\\u0000b");
        assertThat(StrictInput.text("clientOrderId", "desk-7", 64)).isEqualTo("desk-7");
    }
}

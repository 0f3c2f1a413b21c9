package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.router.config.TradeApiProperties;

class DecisionAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DecisionAdmission admission = new DecisionAdmission(
            new TradeApiProperties("", false, DataSize.ofKilobytes(16), Duration.ofSeconds(10), 2), meters);

    @Test
    void shouldRefuseTheDecisionBeyondTheLimitWithoutRunningIt() throws Exception {
        boolean[] thirdRan = {false};

        String outcome = admission.decide(() -> admission.decide(() -> {
            assertThat(meters.get(DecisionAdmission.IN_FLIGHT).gauge().value()).isEqualTo(2.0);
            assertThatThrownBy(() -> admission.decide(() -> thirdRan[0] = true))
                    .isInstanceOf(RouterAtCapacityException.class)
                    .hasMessageContaining("already deciding 2 trades").hasMessageContaining("nothing was done");
            return "decided";
        }));

        assertThat(outcome).isEqualTo("decided");
        assertThat(thirdRan[0]).isFalse();
        assertThat(meters.get(DecisionAdmission.SHED).counter().count()).isEqualTo(1.0);
        assertThat(meters.get(DecisionAdmission.IN_FLIGHT).gauge().value()).isZero();
    }

    @Test
    void shouldGiveThePlaceBackWhenADecisionFails() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> admission.decide(() -> {
                throw new IllegalStateException("decision failed");
            })).isInstanceOf(IllegalStateException.class);
        }

        assertThat(admission.decide(() -> admission.decide(() -> "two at once still fit"))).isNotNull();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndTheLimit() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().atCapacity(new RouterAtCapacityException(2));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getTitle()).isEqualTo("Router at capacity");
        assertThat(answer.getBody().getProperties()).containsEntry("maxInFlight", 2);
    }
}

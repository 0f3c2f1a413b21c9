package io.otcrouter.price.config;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaTopicDeclarationTest {

    @Test
    void shouldRetryTheDeclarationUntilTheBrokerConfirmsItOnce() {
        KafkaAdmin admin = mock(KafkaAdmin.class);
        when(admin.initialize()).thenReturn(false, true);
        KafkaTopicDeclaration declaration = new KafkaTopicDeclaration(admin);

        declaration.ensureDeclared();
        declaration.ensureDeclared();
        declaration.ensureDeclared();
        declaration.ensureDeclared();

        verify(admin, times(2)).initialize();
    }
}

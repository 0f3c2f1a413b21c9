package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that flushes read-model changes to the live event stream. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LiveConfig {
}

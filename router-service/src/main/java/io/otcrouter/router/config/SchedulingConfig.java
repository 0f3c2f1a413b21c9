package io.otcrouter.router.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping jobs (the idempotency key purge). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}

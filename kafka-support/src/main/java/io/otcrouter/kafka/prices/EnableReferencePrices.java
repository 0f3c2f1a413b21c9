package io.otcrouter.kafka.prices;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Gives a service the {@link ReferencePrices} bean, filled by a {@link ReferencePriceReader} that every instance
 * runs on its own. Opt-in (not auto-configured): only the services that price something read the prices topic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ReferencePricesConfiguration.class)
public @interface EnableReferencePrices {
}

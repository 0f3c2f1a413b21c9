package io.otcrouter.testsupport.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The event time the mothers use when a test names none: now, to the millisecond, as Avro's timestamp-millis keeps. */
final class TestClock {

    private TestClock() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

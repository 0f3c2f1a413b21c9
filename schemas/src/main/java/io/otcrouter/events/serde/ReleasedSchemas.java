package io.otcrouter.events.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Every released version of every event schema, kept in this module as
 * {@code io/otcrouter/events/released/<Event>/v<N>.avsc} so records written by any earlier release keep decoding.
 * Releasing a schema change means adding the next {@code vN.avsc}; the build checks that the current schema
 * can read every one of them.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "io/otcrouter/events/released/";

    private ReleasedSchemas() {
    }

    /** Released versions of an event, oldest first. */
    public static List<Schema> versionsOf(Class<? extends SpecificRecord> eventType) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = resourcePath(eventType, version);
            try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + path, e);
            }
        }
    }

    public static String resourcePath(Class<? extends SpecificRecord> eventType, int version) {
        return ROOT + eventType.getSimpleName() + "/v" + version + ".avsc";
    }

    /** The schema the generated class writes with. */
    public static Schema currentOf(Class<? extends SpecificRecord> eventType) {
        return SpecificData.get().getSchema(eventType);
    }
}

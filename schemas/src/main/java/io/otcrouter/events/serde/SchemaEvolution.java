package io.otcrouter.events.serde;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The contract's evolution rule: a new schema must read every released version (backward compatibility),
 * so a consumer upgraded first still decodes everything already on the topics.
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** Human-readable incompatibilities of {@code candidate} reading each of {@code released}; empty when compatible. */
    public static List<String> incompatibilities(Schema candidate, List<Schema> released) {
        return released.stream()
                .map(writer -> SchemaCompatibility.checkReaderWriterCompatibility(candidate, writer))
                .filter(result -> result.getType() != SchemaCompatibilityType.COMPATIBLE)
                .map(SchemaEvolution::describe)
                .toList();
    }

    private static String describe(SchemaPairCompatibility result) {
        return candidateName(result) + " cannot read a released version: "
                + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList();
    }

    private static String candidateName(SchemaPairCompatibility result) {
        return result.getReader().getFullName();
    }
}

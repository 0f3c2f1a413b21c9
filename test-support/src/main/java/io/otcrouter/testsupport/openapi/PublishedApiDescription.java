package io.otcrouter.testsupport.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI description as committed under {@code docs/openapi/}, compared with the one its code generates.
 * Parts that change from run to run (the server URL with its random port) are left out of both. With
 * {@code -Dopenapi.update=true} the generated description replaces the committed file instead.
 */
public final class PublishedApiDescription {

    /** The system property that rewrites the committed files from the code. */
    public static final String UPDATE = "openapi.update";
    private static final int MAX_SHOWN = 40;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path committed;

    private PublishedApiDescription(Path committed) {
        this.committed = committed;
    }

    /** {@code docs/openapi/<service>.json} of the repository, seen from a module's directory (Maven's basedir). */
    public static PublishedApiDescription of(String service) {
        return new PublishedApiDescription(Path.of("..", "docs", "openapi", service + ".json"));
    }

    /** Fails, listing each difference by its JSON pointer, unless the generated description is the committed one. */
    public void assertMatches(String generatedJson) {
        JsonNode generated = withoutVolatileParts(JSON.readTree(generatedJson));
        if (Boolean.getBoolean(UPDATE)) {
            write(generated);
            return;
        }
        if (!Files.exists(committed)) {
            throw new AssertionError("No published description at " + committed.normalize() + "; create it with -D"
                    + UPDATE + "=true");
        }
        JsonNode published = withoutVolatileParts(JSON.readTree(committed.toFile()));
        List<String> differences = new ArrayList<>();
        compare("", published, generated, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError(committed.normalize() + " differs from what the code generates (regenerate it"
                    + " with -D" + UPDATE + "=true, see docs/openapi/README.md):\n  " + String.join("\n  ", differences)
                    + (differences.size() >= MAX_SHOWN ? "\n  …" : ""));
        }
    }

    private static JsonNode withoutVolatileParts(JsonNode description) {
        if (description instanceof ObjectNode object) {
            object.remove("servers");
        }
        return description;
    }

    private void write(JsonNode generated) {
        try {
            Files.createDirectories(committed.getParent());
            // Keys sorted, so that a change of the code shows as a small diff of the file.
            Object sorted = JSON.treeToValue(generated, Object.class);
            Files.writeString(committed, JSON.writeValueAsString(sorted) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(String pointer, JsonNode published, JsonNode generated, List<String> differences) {
        if (differences.size() >= MAX_SHOWN || published.equals(generated)) {
            return;
        }
        if (published.isObject() && generated.isObject()) {
            Set<String> names = new TreeSet<>(published.propertyNames());
            names.addAll(generated.propertyNames());
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!generated.has(name)) {
                    differences.add(at + ": published, no longer in the code");
                } else if (!published.has(name)) {
                    differences.add(at + ": in the code, not published: " + shown(generated.get(name)));
                } else {
                    compare(at, published.get(name), generated.get(name), differences);
                }
            }
        } else if (published.isArray() && generated.isArray() && published.size() == generated.size()) {
            for (int i = 0; i < published.size(); i++) {
                compare(pointer + "/" + i, published.get(i), generated.get(i), differences);
            }
        } else {
            differences.add(pointer + ": published " + shown(published) + ", the code says " + shown(generated));
        }
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package io.otcrouter.testsupport.http;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Other spellings of a path (with or without a query), for tests that a service's firewall and access rules do not
 * read them as the path itself. Each map names a spelling and makes it from the path.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    /**
     * Spellings Spring Security's firewall refuses before any filter or handler (400 "Malformed request path").
     *
     * @param serviceSegment the second segment of the service's API paths ({@code ledger} of {@code /api/ledger/…})
     */
    public static Map<String, UnaryOperator<String>> ambiguous(String serviceSegment) {
        return Map.of(
                "path parameter", path -> path.replaceFirst("/(api|actuator)", "/$1;x=1"),
                "encoded letter", path -> path.replaceFirst("/a", "/%61"),
                "double slash", path -> "/" + path,
                "dot segment", path -> path.replaceFirst("/", "/./"),
                "dot-dot segment", path -> path.replaceFirst("/(api|actuator)/", "/$1/../$1/"),
                "encoded slash", path -> path.replaceFirst("/(" + serviceSegment + "|prometheus|metrics|info)", "%2F$1"),
                "trailing path parameter", path -> path.replaceFirst("(\\?|$)", ";jsessionid=x$1"));
    }

    /** Spellings that are plain but not the path's own: no access rule names them. */
    public static Map<String, UnaryOperator<String>> plainVariants() {
        return Map.of(
                "trailing slash", path -> path.replaceFirst("(\\?|$)", "/$1"),
                "upper case", String::toUpperCase,
                "capital segment", PathSpellings::capitalizeSecondSegment,
                "suffix", path -> path.replaceFirst("(\\?|$)", ".json$1"));
    }

    /** {@code /api/pools/x} to {@code /api/Pools/x}, {@code /actuator/info} to {@code /actuator/Info}. */
    public static String capitalizeSecondSegment(String path) {
        String[] segments = path.split("/", -1);
        segments[2] = Character.toUpperCase(segments[2].charAt(0)) + segments[2].substring(1);
        return String.join("/", segments);
    }
}

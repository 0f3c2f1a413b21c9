package io.otcrouter.dashboard;

import java.util.List;
import java.util.Map;

import io.otcrouter.testsupport.browser.BrowserSession;

/**
 * The Content-Security-Policy violations of the page open in a browser. {@code BrowserSession.pageFailures()} does
 * not report them: Chromium logs a violation to the console with the source {@code security} rather than the page's
 * URL, so the page-origin filter of {@code PageFailures} leaves it out. Here every new document of the tab records
 * its {@code securitypolicyviolation} events from before its first script runs.
 */
public final class CspViolations {

    private static final String RECORDER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'an inline use') + ' in ' + e.documentURI"
            + " + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '')));";

    private CspViolations() {
    }

    /** Call once per session, before opening the first page. */
    public static void watch(BrowserSession browser) {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    /** The violations of the current page so far; fails if {@link #watch} was not called before it opened. */
    public static List<String> of(BrowserSession browser) {
        Object recorded = browser.js("return window.__cspViolations === undefined ? null : window.__cspViolations;");
        if (!(recorded instanceof List<?> violations)) {
            throw new IllegalStateException("CSP violations are not being recorded: call CspViolations.watch first");
        }
        return violations.stream().map(String::valueOf).toList();
    }
}

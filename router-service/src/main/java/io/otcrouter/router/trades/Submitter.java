package io.otcrouter.router.trades;

/**
 * Who submitted a trade: the API key it came with and, when that key traded for a person signed in to the
 * dashboard, that person. Recorded in {@code RouteDecided.submittedBy}, so the ledger and the dashboard show it,
 * and with the tracked trade, so a key can be shown the trades it submitted.
 *
 * @param apiKeyId   the id of the API key, never the key
 * @param onBehalfOf the dashboard user the key acted for, or null
 */
public record Submitter(String apiKeyId, String onBehalfOf) {

    /** {@code RouteDecided.submittedBy}: {@code api-key:<key id>}, or {@code dashboard-user:<name>}. */
    public String label() {
        return onBehalfOf == null ? "api-key:" + apiKeyId : "dashboard-user:" + onBehalfOf;
    }
}

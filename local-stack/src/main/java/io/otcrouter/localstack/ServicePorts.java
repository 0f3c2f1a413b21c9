package io.otcrouter.localstack;

/** HTTP ports of the six services; {@link #DEFAULTS} are the documented ones, tests may pick free ports instead. */
public record ServicePorts(int dashboard, int router, int price, int quote, int otcPool, int ledger) {

    public static final ServicePorts DEFAULTS = new ServicePorts(8080, 8081, 8082, 8083, 8084, 8085);
}

package io.otcrouter.otcpool.admin;

/** Inventory to deposit (positive) or withdraw (negative), in token units; a missing side stays as it is. */
public record InventoryInput(String baseDelta, String quoteDelta) {
}

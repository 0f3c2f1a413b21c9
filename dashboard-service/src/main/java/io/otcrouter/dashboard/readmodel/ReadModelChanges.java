package io.otcrouter.dashboard.readmodel;

/** Told after a part of the read model changed, so open pages can be updated without reloading. */
@FunctionalInterface
public interface ReadModelChanges {

    void changed(ReadModelPart part);
}

package io.plugboard.verifier;

/**
 * Entries a jar holds twice (a careless shading or a hand-made jar): which copy a class loader reads is
 * then undefined, and the two may differ.
 */
final class DuplicateEntryCheck implements Check {

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        for (String name : plugin.duplicates()) {
            findings.error("duplicate-entry", name + " is in the jar more than once, and which copy is read is "
                    + "undefined; keep one (with maven-shade-plugin, merge or exclude the overlapping resource)");
        }
    }
}

package io.plugboard.verifier;

/** One of the verifier's checks: looks at a plugin and adds what it finds. */
interface Check {

    void check(PluginFiles plugin, Findings findings);
}

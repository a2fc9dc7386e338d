package io.plugboard.sdk;

/** What a plugin does in a {@link PluginContext#transaction(TransactionWork) transaction}, returning nothing. */
@FunctionalInterface
public interface TransactionWork {

    /**
     * @param tx the transaction: its connection and its emitter
     * @throws Exception anything: the transaction is rolled back and the exception reaches the caller
     *     (a checked one wrapped in a {@link TransactionException})
     */
    void run(Transaction tx) throws Exception;
}

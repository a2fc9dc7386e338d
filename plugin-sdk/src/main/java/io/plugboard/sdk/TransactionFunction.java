package io.plugboard.sdk;

/**
 * What a plugin does in a {@link PluginContext#inTransaction(TransactionFunction) transaction},
 * returning a value.
 *
 * @param <R> what the work returns
 */
@FunctionalInterface
public interface TransactionFunction<R> {

    /**
     * @param tx the transaction: its connection and its emitter
     * @return what {@link PluginContext#inTransaction} returns once the transaction is committed
     * @throws Exception anything: the transaction is rolled back and the exception reaches the caller
     *     (a checked one wrapped in a {@link TransactionException})
     */
    R apply(Transaction tx) throws Exception;
}

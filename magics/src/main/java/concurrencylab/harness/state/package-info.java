/**
 * The notebook's state as worker JVMs get it, like a fork's copy: which notebook variables a task reads (found in
 * the bytecode of its method and of the notebook methods it calls, {@link concurrencylab.harness.state.UsedVariables}),
 * and their values at the start of a run, serialized ({@link concurrencylab.harness.state.NotebookState}).
 */
package concurrencylab.harness.state;

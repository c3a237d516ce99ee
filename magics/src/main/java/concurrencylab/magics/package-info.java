/**
 * The magics' declarations: picocli commands whose options become one options record for the harness. A
 * measuring magic compiles its body as a task method and runs one generated call into
 * {@link concurrencylab.harness.Harness} in the runtime JVM; it never measures anything itself.
 */
package concurrencylab.magics;

/**
 * What the harness measured, as values: a run and its tasks ({@link concurrencylab.results.RunResult},
 * {@link concurrencylab.results.TaskRecord}), {@code %%speedup}'s points and fits, {@code %time} and
 * {@code %timeit}. Each value's {@code toString()} is its plain text, built with the small text helpers here
 * ({@link concurrencylab.results.Durations}, {@link concurrencylab.results.TextTable},
 * {@link concurrencylab.results.ValueText}). Nothing here knows HTML, charts or the notebook: those are
 * {@code concurrencylab.results.format}, which depends on this package and never the other way round.
 */
package concurrencylab.results;

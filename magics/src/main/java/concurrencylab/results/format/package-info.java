/**
 * How results are shown: HTML tables ({@link concurrencylab.results.format.HtmlFormat}), charts
 * ({@link concurrencylab.results.format.SpeedupChart}, {@link concurrencylab.results.format.TimelineChart} as
 * {@link concurrencylab.results.format.ChartImage}, in the one {@link concurrencylab.results.format.LabStyle} that every
 * XChart chart the notebook shows wears), the live progress bar, and the notebook renderers that pick
 * among them ({@link concurrencylab.results.format.ResultRenderer}, {@link concurrencylab.results.format.ChartRenderer}).
 */
package concurrencylab.results.format;

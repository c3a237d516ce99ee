package concurrencylab.spi;

/** One {@code user_expressions} answer: a bundle, or an error. */
public record ExpressionValue(MimeBundle value, ExecuteOutcome.ErrorInfo error) {
}

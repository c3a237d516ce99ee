package concurrencylab.spi;


/** What a magic came to: a value to show as the cell's result (may be null), or an error. */
public record MagicOutcome(ExecuteOutcome outcome) {

    public static MagicOutcome ok(MimeBundle result) {
        return new MagicOutcome(ExecuteOutcome.ok(result));
    }

    public static MagicOutcome of(ExecuteOutcome outcome) {
        return new MagicOutcome(outcome);
    }
}

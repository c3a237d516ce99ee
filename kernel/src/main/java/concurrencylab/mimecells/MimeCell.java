package concurrencylab.mimecells;

import com.google.gson.JsonObject;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;

/**
 * A cell shown as one MIME type ({@code %%html}, {@code %%markdown}, ...): the cell's text as that type,
 * and the same text as {@code text/plain} for front ends and exports that cannot render it.
 */
abstract class MimeCell implements Magic {

    /** The MIME type the cell's text is shown as. */
    abstract String mimeType();

    @Override
    public final Kind kind() {
        return Kind.CELL;
    }

    @Override
    public final MagicOutcome run(MagicInvocation invocation) {
        JsonObject data = new JsonObject();
        data.addProperty(mimeType(), invocation.body());
        data.addProperty("text/plain", invocation.body());
        return MagicOutcome.ok(new MimeBundle(data, new JsonObject()));
    }
}

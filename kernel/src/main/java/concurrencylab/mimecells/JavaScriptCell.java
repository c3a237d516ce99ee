package concurrencylab.mimecells;

import picocli.CommandLine.Command;

/** {@code %%javascript}: the cell as application/javascript. */
@Command(name = "javascript", description = {"Run the cell as JavaScript in the front end (where the front end allows it).", "The cell's text is also its plain-text form."})
public final class JavaScriptCell extends MimeCell {

    @Override
    String mimeType() {
        return "application/javascript";
    }
}

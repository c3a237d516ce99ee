package concurrencylab.mimecells;

import picocli.CommandLine.Command;

/** {@code %%html}: the cell as text/html. */
@Command(name = "html", description = {"Show the cell as HTML.", "The cell's text is also its plain-text form."})
public final class HtmlCell extends MimeCell {

    @Override
    String mimeType() {
        return "text/html";
    }
}

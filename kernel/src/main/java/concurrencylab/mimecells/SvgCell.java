package concurrencylab.mimecells;

import picocli.CommandLine.Command;

/** {@code %%svg}: the cell as image/svg+xml. */
@Command(name = "svg", description = {"Show the cell as an SVG image.", "The cell's text is also its plain-text form."})
public final class SvgCell extends MimeCell {

    @Override
    String mimeType() {
        return "image/svg+xml";
    }
}

package concurrencylab.mimecells;

import picocli.CommandLine.Command;

/** {@code %%markdown}: the cell as text/markdown. */
@Command(name = "markdown", description = {"Show the cell as Markdown.", "The cell's text is also its plain-text form."})
public final class MarkdownCell extends MimeCell {

    @Override
    String mimeType() {
        return "text/markdown";
    }
}

package concurrencylab.mimecells;

import picocli.CommandLine.Command;

/** {@code %%latex}: the cell as text/latex. */
@Command(name = "latex", description = {"Show the cell as LaTeX (math between dollar signs).", "The cell's text is also its plain-text form."})
public final class LatexCell extends MimeCell {

    @Override
    String mimeType() {
        return "text/latex";
    }
}

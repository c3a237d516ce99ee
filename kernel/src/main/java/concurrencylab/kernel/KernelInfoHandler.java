package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import concurrencylab.protocol.Header;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.LanguageInfo;

/** {@code kernel_info_request}: answered at once, also before the Java engine is ready. */
final class KernelInfoHandler implements Handler {

    static final String IMPLEMENTATION = "concurrency-lab";
    /** Said in the banner when the connection file's key is empty. */
    static final String UNAUTHENTICATED = "WARNING: this kernel's connection file has an empty key, so its messages"
            + " are not authenticated: any local user who can reach its ports can run code as you."
            + " See docs/security.md.";

    private final Interpreter interpreter;
    private final boolean authenticated;

    KernelInfoHandler(Interpreter interpreter, boolean authenticated) {
        this.interpreter = interpreter;
        this.authenticated = authenticated;
    }

    @Override
    public Reply handle(Request request) {
        LanguageInfo info = interpreter.languageInfo();
        JsonObject language = new JsonObject();
        language.addProperty("name", info.name());
        language.addProperty("version", info.version());
        language.addProperty("mimetype", info.mimetype());
        language.addProperty("file_extension", info.fileExtension());
        language.addProperty("pygments_lexer", info.pygmentsLexer());
        language.addProperty("codemirror_mode", info.codemirrorMode());

        JsonObject content = new JsonObject();
        content.addProperty("protocol_version", Header.PROTOCOL_VERSION);
        content.addProperty("implementation", IMPLEMENTATION);
        content.addProperty("implementation_version", version());
        content.add("language_info", language);
        content.addProperty("banner", "Concurrency Lab " + version() + " - Java " + info.version()
                + " on JShell. %lsmagic lists the magics; %help NAME explains one."
                + (authenticated ? "" : "\n" + UNAUTHENTICATED));
        content.addProperty("debugger", false);
        JsonArray links = new JsonArray();
        links.add(link("Java API", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
        links.add(link("JShell", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/jshell/"));
        content.add("help_links", links);
        return Reply.of(content);
    }

    static String version() {
        String v = KernelInfoHandler.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static JsonObject link(String text, String url) {
        JsonObject link = new JsonObject();
        link.addProperty("text", text);
        link.addProperty("url", url);
        return link;
    }
}

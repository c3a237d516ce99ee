package concurrencylab.spi;

/** {@code language_info} of {@code kernel_info_reply}. */
public record LanguageInfo(
        String name,
        String version,
        String mimetype,
        String fileExtension,
        String pygmentsLexer,
        String codemirrorMode) {

    /** Java as DESIGN.md names it, with the version of the runtime that runs cells. */
    public static LanguageInfo java(String runtimeVersion) {
        return new LanguageInfo("java", runtimeVersion, "text/x-java", ".jshell", "java", "java");
    }
}

package concurrencylab.launch.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version of Concurrency Lab (filtered in by the build) and of the JVM running it. */
public final class VersionInfo implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String projectVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/concurrencylab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Concurrency Lab " + projectVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
        };
    }
}

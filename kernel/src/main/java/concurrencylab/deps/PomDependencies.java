package concurrencylab.deps;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.interpolation.InterpolationException;
import org.codehaus.plexus.interpolation.PrefixedObjectValueSource;
import org.codehaus.plexus.interpolation.PropertiesBasedValueSource;
import org.codehaus.plexus.interpolation.StringSearchInterpolator;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The dependencies a POM declares (compile and runtime scope, not optional), read with Maven's own model
 * reader; {@code ${...}} in versions is filled from the POM's properties and {@code project.*}. A cell may
 * hold just a {@code <dependencies>} block.
 */
public final class PomDependencies {

    /** The coordinates to resolve, and the repositories the POM declares (id, url). */
    public record Declared(List<String> coordinates, List<String[]> repositories) {
    }

    private PomDependencies() {
    }

    public static Declared fromFile(Path pom) {
        if (!Files.isRegularFile(pom)) {
            throw new IllegalArgumentException(pom + " does not exist: give the path of a pom.xml");
        }
        try {
            return read(Files.readString(pom), pom.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pom + ": " + e.getMessage());
        }
    }

    /** A whole POM, or only its {@code <dependencies>} (and {@code <repositories>}) as a cell holds them. */
    public static Declared fromText(String text) {
        String xml = text.strip();
        if (!xml.contains("<project")) {
            xml = "<project><modelVersion>4.0.0</modelVersion>" + xml + "</project>";
        }
        return read(xml, "the cell");
    }

    private static Declared read(String xml, String source) {
        Model model;
        try {
            model = new MavenXpp3Reader().read(new StringReader(xml), false);
        } catch (XmlPullParserException e) {
            throw new IllegalArgumentException("the POM in " + source + " is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the POM in " + source + ": " + e.getMessage());
        }
        StringSearchInterpolator interpolator = new StringSearchInterpolator();
        Properties properties = model.getProperties();
        interpolator.addValueSource(new PropertiesBasedValueSource(properties));
        interpolator.addValueSource(new PrefixedObjectValueSource("project.", model));
        List<String> coordinates = new ArrayList<>();
        for (Dependency dependency : model.getDependencies()) {
            String scope = dependency.getScope() == null ? "compile" : dependency.getScope();
            if (dependency.isOptional() || !(scope.equals("compile") || scope.equals("runtime"))) {
                continue;
            }
            if (dependency.getVersion() == null) {
                throw new IllegalArgumentException(dependency.getGroupId() + ":" + dependency.getArtifactId()
                        + " in " + source + " has no version: give it one (versions from a parent or BOM are not read)");
            }
            String type = dependency.getType() == null || dependency.getType().equals("jar") ? "" : dependency.getType();
            String classifier = dependency.getClassifier() == null ? "" : dependency.getClassifier();
            String middle = classifier.isEmpty() ? (type.isEmpty() ? "" : ":" + type) : ":" + (type.isEmpty() ? "jar" : type) + ":" + classifier;
            coordinates.add(filled(interpolator, dependency.getGroupId() + ":" + dependency.getArtifactId() + middle
                    + ":" + dependency.getVersion(), source));
        }
        List<String[]> repositories = new ArrayList<>();
        model.getRepositories().forEach(repository -> repositories.add(new String[] {repository.getId(), filled(interpolator, repository.getUrl(), source)}));
        return new Declared(coordinates, repositories);
    }

    private static String filled(StringSearchInterpolator interpolator, String text, String source) {
        try {
            String value = interpolator.interpolate(text);
            if (value.contains("${")) {
                throw new IllegalArgumentException(value + " in " + source + " names a property the POM does not define: define it in <properties>");
            }
            return value;
        } catch (InterpolationException e) {
            throw new IllegalArgumentException("cannot fill in " + text + " in " + source + ": " + e.getMessage());
        }
    }
}

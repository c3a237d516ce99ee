package concurrencylab.deps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystemSession.SessionBuilder;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * The user's Maven settings, read by Maven's own settings builder (so {@code ${user.home}} and the
 * like are interpolated as Maven does), and applied to a resolver session: local repository, offline,
 * mirrors, proxies, server credentials, and the repositories of active profiles.
 */
final class MavenSettings {

    private final Path file;
    private final Settings settings;

    private MavenSettings(Path file, Settings settings) {
        this.file = file;
        this.settings = settings;
    }

    /** Where Maven looks for the user's settings: {@code ~/.m2/settings.xml}. */
    static Path userSettingsFile() {
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    /** Reads {@code file} (a missing file means Maven's defaults); a malformed one is an error naming it. */
    static MavenSettings read(Path file) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(file.toFile());
        String mavenHome = System.getenv("MAVEN_HOME");
        if (mavenHome != null) {
            request.setGlobalSettingsFile(Path.of(mavenHome, "conf", "settings.xml").toFile());
        }
        Properties system = new Properties();
        system.putAll(System.getProperties());
        System.getenv().forEach((name, value) -> system.setProperty("env." + name, value));
        request.setSystemProperties(system);
        try {
            return new MavenSettings(file, new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings());
        } catch (SettingsBuildingException e) {
            String problem = e.getProblems().isEmpty() ? e.getMessage() : e.getProblems().get(0).getMessage();
            throw new IllegalArgumentException("cannot read the Maven settings " + file + ": " + problem + "; fix the file");
        }
    }

    Path file() {
        return file;
    }

    boolean offline() {
        return settings.isOffline();
    }

    Path localRepository() {
        String configured = settings.getLocalRepository();
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
    }

    /** The repositories the active profiles of the settings declare, after Maven Central. */
    List<RemoteRepository> profileRepositories() {
        List<RemoteRepository> repositories = new ArrayList<>();
        for (Profile profile : settings.getProfiles()) {
            boolean active = settings.getActiveProfiles().contains(profile.getId())
                    || profile.getActivation() != null && profile.getActivation().isActiveByDefault();
            if (active) {
                profile.getRepositories().forEach(repository -> repositories.add(
                        new RemoteRepository.Builder(repository.getId(), "default", repository.getUrl()).build()));
            }
        }
        return repositories;
    }

    /** Mirrors, proxies and credentials as the resolver wants them. */
    void applyTo(SessionBuilder session) {
        session.withLocalRepositoryBaseDirectories(localRepository());
        session.setOffline(offline());
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            mirrors.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        session.setMirrorSelector(mirrors);
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                AuthenticationBuilder credentials = new AuthenticationBuilder()
                        .addUsername(proxy.getUsername()).addPassword(proxy.getPassword());
                proxies.add(new Proxy(proxy.getProtocol(), proxy.getHost(), proxy.getPort(), credentials.build()),
                        proxy.getNonProxyHosts());
            }
        }
        session.setProxySelector(proxies);
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            credentials.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                    .addPassword(server.getPassword()).addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
        }
        session.setAuthenticationSelector(credentials);
    }

    /** One line for the summary: which settings, where the local repository is, online or not. */
    String describe() {
        return (Files.exists(file) ? "settings " + file : "no " + file + " (Maven's defaults)")
                + ", local repository " + localRepository() + (offline() ? ", offline" : "");
    }
}

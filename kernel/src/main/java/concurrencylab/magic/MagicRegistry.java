package concurrencylab.magic;

import concurrencylab.deps.DependencyResolver;
import concurrencylab.engine.SnippetFrames;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.InterruptPolicy;
import concurrencylab.mimecells.HtmlCell;
import concurrencylab.mimecells.JavaScriptCell;
import concurrencylab.mimecells.LatexCell;
import concurrencylab.mimecells.MarkdownCell;
import concurrencylab.mimecells.SvgCell;
import concurrencylab.shell.BashMagic;
import concurrencylab.shell.CdMagic;
import concurrencylab.shell.EnvMagic;
import concurrencylab.shell.PwdMagic;
import concurrencylab.shell.ShellEnvironment;
import concurrencylab.shell.PythonMagic;
import concurrencylab.shell.ShMagic;
import concurrencylab.spi.Magic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The magics on the class path (ServiceLoader) plus the built-in ones, by name. */
public final class MagicRegistry {

    /** One magic: how to make a fresh instance, its kind, and picocli's model of its options. */
    record Entry(String name, Magic.Kind kind, Supplier<Magic> factory, CommandLine.Model.CommandSpec spec) {
        String usage() {
            return new CommandLine(spec).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
        }

        String synopsis() {
            return new CommandLine(spec).getHelp().synopsis(0).stripTrailing();
        }

        String prefix() {
            return kind == Magic.Kind.CELL ? "%%" : "%";
        }
    }

    /** A name may have a line and a cell form ({@code %time} and {@code %%time}). */
    private final Map<String, Map<Magic.Kind, Entry>> byName = new TreeMap<>();

    public static MagicRegistry load(EngineSupervisor supervisor, InterruptPolicy interrupts, SnippetFrames frames) {
        MagicRegistry registry = new MagicRegistry();
        registry.add(() -> new ClasspathMagic(supervisor));
        DependencyResolver resolver = new DependencyResolver();
        LibraryLoader libraries = new LibraryLoader(resolver, supervisor);
        registry.add(() -> new MavenMagic(libraries));
        registry.add(() -> new MavenRepoMagic(libraries.resolver()));
        registry.add(() -> new LoadFromPomMagic(libraries));
        registry.add(() -> new ThreadSurveyMagic(supervisor, interrupts, frames));
        ShellEnvironment shell = new ShellEnvironment();
        List.<Supplier<Magic>>of(() -> new BashMagic(shell), () -> new ShMagic(shell), () -> new PythonMagic(shell),
                () -> new EnvMagic(shell), () -> new CdMagic(shell), () -> new PwdMagic(shell), () -> new LoadMagic(shell))
                .forEach(registry::add);
        registry.add(() -> new ResetMagic(supervisor, resolver));
        registry.add(() -> new VarsMagic(supervisor));
        registry.add(() -> new DeclarationsMagic.Imports(supervisor));
        registry.add(() -> new DeclarationsMagic.Methods(supervisor));
        registry.add(() -> new DeclarationsMagic.Types(supervisor));
        registry.add(SysinfoMagic::new);
        List.<Supplier<Magic>>of(HtmlCell::new, MarkdownCell::new, JavaScriptCell::new, SvgCell::new, LatexCell::new)
                .forEach(registry::add);
        registry.add(() -> new LsMagic(registry));
        registry.add(() -> new HelpMagic(registry));
        for (ServiceLoader.Provider<Magic> provider : ServiceLoader.load(Magic.class).stream().toList()) {
            registry.add(provider::get);
        }
        return registry;
    }

    /** Registers each form the magic declares (a line form, a cell form, or both), with a model of its own. */
    void add(Supplier<Magic> factory) {
        Magic sample = factory.get();
        for (Magic.Kind kind : sample.kinds()) {
            CommandLine.Model.CommandSpec spec = new CommandLine(sample).getCommandSpec();
            String name = spec.name();
            // Usage lines show the magic as it is typed.
            spec.name((kind == Magic.Kind.CELL ? "%%" : "%") + name);
            sample.describe(kind, spec);
            byName.computeIfAbsent(name, n -> new java.util.EnumMap<>(Magic.Kind.class))
                    .put(kind, new Entry(name, kind, factory, spec));
        }
    }

    /** The magic of that name, in the wanted kind when it has one (else its only kind, for a clear error). */
    Entry find(String name, Magic.Kind wanted) {
        Map<Magic.Kind, Entry> kinds = byName.get(name);
        if (kinds == null) {
            return null;
        }
        return kinds.containsKey(wanted) ? kinds.get(wanted) : kinds.values().iterator().next();
    }

    /** Every form of the magic of that name, the line form first; empty when there is none. */
    List<Entry> forms(String name) {
        Map<Magic.Kind, Entry> kinds = byName.get(name);
        return kinds == null ? List.of() : List.copyOf(kinds.values());
    }

    /** The magic of that name, its line form first. */
    Entry find(String name) {
        return find(name, Magic.Kind.LINE);
    }

    List<Entry> all() {
        return byName.values().stream().flatMap(kinds -> kinds.values().stream()).toList();
    }

    /** Names close to a mistyped one: shared prefix or small edit distance. */
    List<String> closeTo(String name) {
        List<String> close = new ArrayList<>();
        byName.keySet().stream()
                .sorted(Comparator.comparingInt(n -> distance(n, name)))
                .filter(n -> distance(n, name) <= Math.max(2, name.length() / 3) || n.startsWith(name) || name.startsWith(n))
                .limit(3)
                .forEach(close::add);
        return close;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

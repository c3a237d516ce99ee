package concurrencylab.harness.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The notebook variables a task reads, found in bytecode: the static fields of snippet classes that its method
 * reads, and that the notebook methods, constructors and lambdas it reaches read in turn. JShell keeps each
 * variable in a static field of its wrapper class ({@code long N} is {@code REPL.$JShell$7.N}), and a snippet
 * names it there directly, so reads are {@code GETSTATIC} instructions on snippet classes. Only reads count: a
 * field the task only writes needs no value from the notebook.
 */
public final class UsedVariables {

    private static final String SNIPPET_PACKAGE = "REPL/";

    private final Map<String, byte[]> classes;
    private final Set<Field> fields = new LinkedHashSet<>();
    private final Set<String> visited = new HashSet<>();
    private final Deque<MethodRef> pending = new ArrayDeque<>();

    /** A static field, by the binary name of its class and its own name. */
    public record Field(String className, String name) {
    }

    /** A method to read: {@code name} null means every method of the class (a snippet class the task creates). */
    private record MethodRef(String owner, String name, String descriptor) {
    }

    private UsedVariables(Map<String, byte[]> classes) {
        this.classes = classes;
    }

    /**
     * The static fields of snippet classes that the no-argument method {@code methodName} of {@code className}
     * reads, directly or through the snippet code it calls. {@code classes} are the snippet classes' bytecode by
     * binary name, as the runtime recorded them.
     */
    public static Set<Field> readBy(String className, String methodName, Map<String, byte[]> classes) {
        UsedVariables search = new UsedVariables(classes);
        search.pending.add(new MethodRef(className.replace('.', '/'), methodName, "()Ljava/lang/Object;"));
        while (!search.pending.isEmpty()) {
            search.read(search.pending.poll());
        }
        return search.fields;
    }

    private void read(MethodRef method) {
        if (!visited.add(method.owner() + '.' + method.name() + method.descriptor())) {
            return;
        }
        byte[] bytecode = classes.get(method.owner().replace('/', '.'));
        if (bytecode == null) {
            return;
        }
        ClassReader reader = new ClassReader(bytecode);
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                boolean wanted = method.name() == null
                        || name.equals(method.name()) && (method.descriptor() == null || descriptor.equals(method.descriptor()));
                if (!wanted) {
                    return null;
                }
                found[0] = true;
                return new Reads();
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        String superName = reader.getSuperName();
        if (!found[0] && method.name() != null && isSnippet(superName)) {
            pending.add(new MethodRef(superName, method.name(), method.descriptor())); // inherited from a notebook class
        }
    }

    private static boolean isSnippet(String internalName) {
        return internalName != null && internalName.startsWith(SNIPPET_PACKAGE);
    }

    /** Notes field reads and queues the snippet code a method reaches. */
    private final class Reads extends MethodVisitor {

        Reads() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && isSnippet(owner)) {
                fields.add(new Field(owner.replace('/', '.'), name));
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (isSnippet(owner)) {
                pending.add(new MethodRef(owner, name, descriptor));
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && isSnippet(type)) {
                // its methods may run later, called through an interface the task cannot see in its own bytecode
                pending.add(new MethodRef(type, null, null));
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                visitLdcInsn(argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Handle handle && isSnippet(handle.getOwner())) {
                pending.add(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc())); // a lambda or method reference
            }
        }
    }
}

package io.plugboard.verifier;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls that would stop or break the host's JVM: {@code System.exit}, {@code Runtime.exit},
 * {@code Runtime.halt} and {@code Thread.stop}, found in the bytecode of every class of the jar (the
 * jar loader loads classes from the jar itself only, not from nested jars) or classes directory. A call
 * made through reflection or a method handle is not seen: this guards against mistakes and careless
 * libraries, it is not a sandbox. A class file that cannot be read is an error too: the host could not
 * check it (compiled for a newer Java than it knows, or damaged).
 */
final class ForbiddenCallCheck implements Check {

    /** owner.name → how the message names it. */
    private static final Map<String, String> FORBIDDEN = Map.of(
            "java/lang/System.exit", "System.exit",
            "java/lang/Runtime.exit", "Runtime.exit",
            "java/lang/Runtime.halt", "Runtime.halt",
            "java/lang/Thread.stop", "Thread.stop");

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        for (Map.Entry<String, byte[]> file : plugin.classes().entrySet()) {
            ClassReader reader = ClassHeader.readable(file.getValue());
            if (reader == null) {
                findings.error("unreadable-class", file.getKey() + " is not a class file this verifier can read "
                        + "(compiled for a newer Java than it knows, or damaged); compile for Java 17");
                continue;
            }
            Set<String> calls = new LinkedHashSet<>();
            try {
                reader.accept(new Finder(calls), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                findings.error("unreadable-class", file.getKey() + " is not a class file this verifier can read (damaged)");
                continue;
            }
            if (!calls.isEmpty()) {
                findings.error("forbidden-call", "class " + reader.getClassName().replace('/', '.') + " calls "
                        + String.join(", ", calls) + ", which would stop the host; a plugin must not call "
                        + "System.exit, Runtime.exit, Runtime.halt, Thread.stop (throw an exception instead)");
            }
        }
    }

    /** Collects each forbidden call of a class with the method making it: {@code Runtime.halt (in quit())}. */
    private static final class Finder extends ClassVisitor {

        private final Set<String> calls;

        Finder(Set<String> calls) {
            super(Opcodes.ASM9);
            this.calls = calls;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor, boolean itf) {
                    String call = FORBIDDEN.get(owner + "." + callee);
                    if (call != null) {
                        calls.add(call + " (in " + name + "())");
                    }
                }
            };
        }
    }
}

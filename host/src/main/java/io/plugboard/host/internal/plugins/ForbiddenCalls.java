package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Refuses a plugin whose classes call what would stop or break the host's JVM: {@code System.exit},
 * {@code Runtime.exit}, {@code Runtime.halt} and {@code Thread.stop}. It reads the bytecode of every
 * class in the jar (the jar loader loads classes from the jar itself only, not from nested jars) or
 * the classes directory, and looks for direct calls. A call made through reflection or a method
 * handle is not seen; this is a guard against mistakes and careless libraries, not a sandbox.
 */
final class ForbiddenCalls {

    /** owner/name → how the message names it. */
    private static final Map<String, String> FORBIDDEN = Map.of(
            "java/lang/System.exit", "System.exit",
            "java/lang/Runtime.exit", "Runtime.exit",
            "java/lang/Runtime.halt", "Runtime.halt",
            "java/lang/Thread.stop", "Thread.stop");

    private ForbiddenCalls() {}

    /** @throws BadPluginJarException naming the first class and call found */
    static void check(Path jarOrDir) throws BadPluginJarException {
        if (Files.isDirectory(jarOrDir)) {
            try (Stream<Path> files = Files.walk(jarOrDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        check(jarOrDir.relativize(file).toString(), in);
                    }
                }
            } catch (IOException e) {
                throw new BadPluginJarException("the classes in " + jarOrDir + " cannot be read: " + e.getMessage());
            }
            return;
        }
        try (JarFile jar = new JarFile(jarOrDir.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        check(entry.getName(), in);
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new BadPluginJarException("not a valid jar file");
        }
    }

    private static void check(String path, InputStream in) throws IOException, BadPluginJarException {
        if (path.endsWith("module-info.class")) {
            return;
        }
        ClassReader reader;
        try {
            reader = new ClassReader(in);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new BadPluginJarException(path + " is not a class file this host can read (compiled for a newer "
                    + "Java than the host knows, or damaged)");
        }
        Finder finder = new Finder();
        try {
            reader.accept(finder, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new BadPluginJarException(path + " is not a class file this host can read (damaged)");
        }
        if (finder.found != null) {
            throw new BadPluginJarException("class " + reader.getClassName().replace('/', '.') + " calls " + finder.found
                    + " (in " + finder.method + "), which would stop the host; a plugin must not call "
                    + String.join(", ", List.of("System.exit", "Runtime.exit", "Runtime.halt", "Thread.stop"))
                    + " (throw an exception instead)");
        }
    }

    /** Remembers the first forbidden call in a class, and the method making it. */
    private static final class Finder extends ClassVisitor {

        String found;
        String method;

        Finder() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor, boolean itf) {
                    String call = FORBIDDEN.get(owner + "." + callee);
                    if (call != null && found == null) {
                        found = call;
                        method = name + "()";
                    }
                }
            };
        }
    }
}

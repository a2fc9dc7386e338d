package io.plugboard.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the checks need of a class besides its code: its name, supertypes, and whether it is annotated
 * {@code @Extension}.
 *
 * @param name the internal name, e.g. {@code a/b/C}
 * @param superName null for {@code java/lang/Object}
 */
record ClassHeader(String name, String superName, List<String> interfaces, boolean extension) {

    private static final String EXTENSION = "Lorg/pf4j/Extension;";

    /** @return the headers of the plugin's readable classes by internal name (an unreadable one is left out) */
    static Map<String, ClassHeader> of(PluginFiles plugin) {
        Map<String, ClassHeader> headers = new LinkedHashMap<>();
        for (byte[] bytes : plugin.classes().values()) {
            ClassReader reader = readable(bytes);
            if (reader != null) {
                ClassHeader header = read(reader);
                headers.putIfAbsent(header.name(), header);
            }
        }
        return headers;
    }

    /** @return a reader of the class, or null if ASM cannot read it (a newer class file version, damaged) */
    static ClassReader readable(byte[] bytes) {
        try {
            return new ClassReader(bytes);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static ClassHeader read(ClassReader reader) {
        boolean[] annotated = {false};
        try {
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    annotated[0] |= EXTENSION.equals(descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // damaged: the forbidden-call check reports it; here it counts as not annotated
        }
        return new ClassHeader(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()), annotated[0]);
    }

    String javaName() {
        return name.replace('/', '.');
    }
}

package io.plugboard.verifier;

/**
 * The parent of the class loader a plugin's code runs in while it is checked: the JDK, and the SDK,
 * PF4J and SLF4J from the verifier's own class path, as the host shares them; nothing else (not the
 * build's or the test's class path), so a plugin that needs more fails here as it would in the host.
 */
final class SdkOnlyClassLoader extends ClassLoader {

    private static final String[] SHARED = {"io.plugboard.sdk.", "org.pf4j.", "org.slf4j."};

    private final ClassLoader sdk = SdkOnlyClassLoader.class.getClassLoader();

    SdkOnlyClassLoader() {
        super("plugboard-verifier-sdk", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (String shared : SHARED) {
            if (name.startsWith(shared)) {
                return sdk.loadClass(name);
            }
        }
        throw new ClassNotFoundException(name);
    }
}

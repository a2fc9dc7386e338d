package io.plugboard.host.internal.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.plugboard.host.internal.common.RandomTokens;

/**
 * How new admin passwords are hashed: Argon2id with a memory size and a number of passes. A check always
 * uses the parameters stored in the hash it checks, so the parameters only decide the cost of hashes made
 * from now on.
 *
 * <p>{@link #standard()} (OWASP's minimum: 19 MiB, 2 passes) is the only one a host can be configured
 * with from outside; the cheap one exists for the host's own test suite, which starts hundreds of hosts,
 * each with an admin (reachable through a package-private builder method only).
 */
public final class PasswordHashing {

    private static final PasswordHashing STANDARD = new PasswordHashing(19 * 1024, 2);

    private final Argon2Function argon2;
    private final int memoryKiB;
    /** Compared against when a name is unknown, so that takes as long as a wrong password; made on first use. */
    private volatile String dummyHash;

    private PasswordHashing(int memoryKiB, int passes) {
        this.memoryKiB = memoryKiB;
        this.argon2 = Argon2Function.getInstance(memoryKiB, passes, 1, 32, Argon2.ID);
    }

    /** @return Argon2id with OWASP's minimum parameters (19 MiB, 2 passes): the default */
    public static PasswordHashing standard() {
        return STANDARD;
    }

    /** @return Argon2id at 64 KiB and one pass: cheap to crack, for tests that start many hosts only */
    public static PasswordHashing cheapForTests() {
        return new PasswordHashing(64, 1);
    }

    /** @return true unless this is {@link #standard()} or stronger */
    public boolean weakened() {
        return memoryKiB < STANDARD.memoryKiB;
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    static boolean matches(String password, String encoded) {
        return Password.check(password, encoded).with(Argon2Function.getInstanceFromHash(encoded));
    }

    /** Checks the password against a hash of a random one made with these parameters (always false). */
    void matchNothing(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash(RandomTokens.next());
            dummyHash = dummy;
        }
        matches(password, dummy);
    }

    @Override
    public String toString() {
        return "PasswordHashing[argon2id, " + memoryKiB + " KiB]";
    }
}

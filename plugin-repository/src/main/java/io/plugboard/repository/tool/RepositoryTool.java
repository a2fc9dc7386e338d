package io.plugboard.repository.tool;

import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.InvalidIndexException;
import io.plugboard.repository.PluginIndex;
import io.plugboard.repository.ReleaseSignature;
import io.plugboard.repository.RepositoryBuilder;
import io.plugboard.repository.SignatureCheck;
import io.plugboard.repository.SigningKey;
import io.plugboard.repository.TrustedKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar plugboard-repository.jar COMMAND}: {@code build DIR} writes {@code plugins.json} for a
 * folder of jars (signing them with {@code --key}), {@code keygen NAME} creates a publisher's key pair,
 * {@code sign JAR} writes {@code JAR.sig}, {@code verify JAR} checks it against trusted keys. Exits 0 on
 * success, 1 when the work failed, 2 for a command line it cannot run.
 */
public final class RepositoryTool {

    static final String USAGE = """
            usage: java -jar plugboard-repository.jar COMMAND
              build DIR [--base-url URL] [--key KEY [--public-key PUB]]
                  write DIR/plugins.json for the plugin jars in DIR (sign each with KEY)
              keygen NAME        write NAME.key (private, keep it secret) and NAME.pub (for hosts to trust)
              sign JAR --key KEY [--public-key PUB]
                  write JAR.sig
              verify JAR --trusted-keys FILE
                  check JAR.sig; exit 0 only if a trusted key signed exactly this jar
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    RepositoryTool(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new RepositoryTool(System.out, System.err, Clock.systemUTC()).run(args));
    }

    int run(String... args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "build" -> build(new ToolArguments(rest, Set.of("--base-url", "--key", "--public-key")));
                case "keygen" -> keygen(new ToolArguments(rest, Set.of()));
                case "sign" -> sign(new ToolArguments(rest, Set.of("--key", "--public-key")));
                case "verify" -> verify(new ToolArguments(rest, Set.of("--trusted-keys")));
                default -> throw new ToolArguments.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (ToolArguments.UsageException e) {
            err.println("plugboard-repository: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (InvalidIndexException | IOException e) {
            err.println("plugboard-repository: " + e.getMessage());
            return 1;
        }
    }

    private int build(ToolArguments a) throws ToolArguments.UsageException, IOException {
        Path dir = a.word(0, "folder of plugin jars");
        if (!Files.isDirectory(dir)) {
            throw new ToolArguments.UsageException(dir + " is not a folder");
        }
        SigningKey key = a.path("--key") == null ? null : SigningKey.load(a.path("--key"), a.path("--public-key"));
        PluginIndex index = new RepositoryBuilder(clock).build(dir, a.option("--base-url"), key);
        long releases = index.plugins().stream().mapToLong(p -> p.releases().size()).sum();
        long unsigned = index.plugins().stream().flatMap(p -> p.releases().stream()).filter(r -> r.signature() == null).count();
        out.println("wrote " + dir.resolve("plugins.json") + ": " + index.plugins().size() + " plugins, " + releases
                + " releases" + (unsigned == 0 ? ", all signed" : ", " + unsigned + " unsigned"));
        return 0;
    }

    private int keygen(ToolArguments a) throws ToolArguments.UsageException, IOException {
        Path name = a.word(0, "key (keygen NAME writes NAME.key and NAME.pub)");
        Path keyFile = Path.of(name + ".key");
        Path publicFile = Path.of(name + ".pub");
        if (Files.exists(keyFile) || Files.exists(publicFile)) {
            err.println("plugboard-repository: " + keyFile + " or " + publicFile + " exists already; keygen never replaces a key");
            return 1;
        }
        SigningKey key = SigningKey.generate();
        key.write(keyFile, publicFile);
        out.println("wrote " + keyFile + " (keep it secret) and " + publicFile + " (key " + key.keyId()
                + "; hosts trust it with --trusted-plugin-keys)");
        return 0;
    }

    private int sign(ToolArguments a) throws ToolArguments.UsageException, IOException {
        Path jar = a.word(0, "jar to sign");
        if (a.path("--key") == null) {
            throw new ToolArguments.UsageException("sign needs --key KEY");
        }
        ReleaseSignature signature = SigningKey.load(a.path("--key"), a.path("--public-key")).sign(jar);
        Path sigFile = jar.resolveSibling(ReleaseSignature.fileNameFor(jar.getFileName().toString()));
        Files.write(sigFile, IndexFormat.write(signature));
        out.println("wrote " + sigFile + " (key " + signature.keyId() + ")");
        return 0;
    }

    private int verify(ToolArguments a) throws ToolArguments.UsageException, IOException {
        Path jar = a.word(0, "jar to verify");
        if (a.path("--trusted-keys") == null) {
            throw new ToolArguments.UsageException("verify needs --trusted-keys FILE");
        }
        Path sigFile = jar.resolveSibling(ReleaseSignature.fileNameFor(jar.getFileName().toString()));
        ReleaseSignature signature = Files.isRegularFile(sigFile) ? IndexFormat.readSignature(Files.readAllBytes(sigFile)) : null;
        SignatureCheck check = TrustedKeys.load(a.path("--trusted-keys")).check(jar, signature);
        out.println(jar.getFileName() + ": " + check.describe());
        return check.status() == SignatureCheck.Status.SIGNED ? 0 : 1;
    }
}

package io.plugboard.repository.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's words and {@code --option value} pairs, checked against the options it knows. */
final class ToolArguments {

    /** A command line that cannot be run; the message says what to write instead. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    ToolArguments(List<String> args, Set<String> known) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
            } else if (!known.contains(arg)) {
                throw new UsageException("unknown option " + arg + "; this command takes " + String.join(", ", known));
            } else if (i + 1 == args.size()) {
                throw new UsageException(arg + " needs a value");
            } else {
                options.put(arg, args.get(++i));
            }
        }
    }

    Path word(int index, String what) throws UsageException {
        if (words.size() <= index) {
            throw new UsageException("name the " + what);
        }
        return Path.of(words.get(index));
    }

    String option(String name) {
        return options.get(name);
    }

    Path path(String name) {
        String value = options.get(name);
        return value == null ? null : Path.of(value);
    }
}

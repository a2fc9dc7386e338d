package io.plugboard.host.internal.delivery;

import io.plugboard.host.testing.TestHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs in a child JVM for {@link TestGroupCommitCrash}, which kills it with SIGKILL. Starts a host on the
 * given folders with a webhook subscribed to {@code ping} at the given URL, and prints
 * {@code READY <base url> <Authorization header for the API>}. When the test writes {@code GO} to its
 * standard input, it also emits in-process from several threads at once (the group commit path, beside
 * the test's REST requests), each thread printing {@code ACK <marker> <id>} once its emit has returned,
 * the marker {@code e<thread>-<seq>} being the event's data {@code n}.
 *
 * <p>Arguments: plugins folder, data folder, receiver URL, number of emitting threads. It exits by itself
 * when its standard input closes (the test's JVM is gone), so a test that dies leaves no host running.
 */
public final class GroupCommitCrashChild {

    private GroupCommitCrashChild() {}

    public static void main(String[] args) throws IOException {
        TestHost host = TestHost.start(Path.of(args[0]), Path.of(args[1]));
        host.createWebhook("Crash receiver", args[2], "ping");
        System.out.println("READY " + host.host().baseUrl() + " " + host.http().authorizationHeader());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("GO")) {
                for (int t = 0; t < Integer.parseInt(args[3]); t++) {
                    int thread = t;
                    Thread emitter = new Thread(() -> emitForever(host, "e" + thread + "-"), "emitter-" + t);
                    emitter.setDaemon(true);
                    emitter.start();
                }
            }
        }
        Runtime.getRuntime().halt(3); // the test is gone without killing this process
    }

    private static void emitForever(TestHost host, String prefix) {
        for (int seq = 0; ; seq++) {
            String id = host.host().events().emitJson("ping", "{\"n\":\"" + prefix + seq + "\"}");
            System.out.println("ACK " + prefix + seq + " " + id); // println is atomic and flushes
        }
    }
}

package io.github.passkeys4j.demo.nodes;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's used heap right after a full GC: {@code jcmd <pid> GC.run}, then Actuator's {@code jvm.memory.used}. */
final class Heap {

    private Heap() {}

    static long afterGc(DemoNode node, Visitor signedIn) throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(node.pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> used = signedIn.get(node, "/actuator/metrics/jvm.memory.used?tag=area:heap");
        assertThat(used.statusCode()).as(used.body()).isEqualTo(200);
        return Visitor.JSON
                .readTree(used.body())
                .path("measurements")
                .get(0)
                .path("value")
                .asLong();
    }
}

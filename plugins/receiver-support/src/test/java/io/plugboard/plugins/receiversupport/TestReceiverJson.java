package io.plugboard.plugins.receiversupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The receivers' shared JSON handling: strict reading, a one-line message, exact numbers when asked. */
class TestReceiverJson {

    @Test
    void contentAfterTheDocumentIsRefusedWithAOneLineMessage() {
        for (ReceiverJson json : new ReceiverJson[] {ReceiverJson.strict(), ReceiverJson.strictWithExactNumbers()}) {
            assertThatThrownBy(() -> json.readBody(bytes("{\"a\":1} {\"b\":2}")))
                    .isInstanceOf(UnparseableRequestException.class)
                    .hasMessageStartingWith("the body is not JSON: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThatThrownBy(() -> json.readBody(bytes("{\"a\":")))
                    .isInstanceOf(UnparseableRequestException.class).hasMessageStartingWith("the body is not JSON: ");
        }
    }

    @Test
    void exactNumbersKeepDecimalsAsWritten() {
        String body = "{\"amount\":12.50,\"big\":0.10000000000000000001}";
        assertThat(ReceiverJson.strictWithExactNumbers().write(ReceiverJson.strictWithExactNumbers().readBody(bytes(body))))
                .isEqualTo(body);
        assertThat(ReceiverJson.strict().write(ReceiverJson.strict().readBody(bytes(body))))
                .isEqualTo("{\"amount\":12.5,\"big\":0.1}");
    }

    @Test
    void anEmptyBodyReadsAsNoDocument() {
        JsonNode none = ReceiverJson.strict().readBody(new byte[0]);
        assertThat(none == null || none.isMissingNode()).isTrue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

class ReplyTest {

    private static final byte[] PAGE = "{\"tools\":[{\"name\":\"a\"}]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aResultKeptInPartsIsTheSameFrameEveryWayItIsRead() throws Exception {
        Reply reply = Reply.result(StringNode.valueOf("r-1"), PAGE);
        String expected = "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"result\":{\"tools\":[{\"name\":\"a\"}]}}";

        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(reply.bytes()).isEqualTo(JsonRpc.result(StringNode.valueOf("r-1"), PAGE));
        assertThat(reply.length()).isEqualTo(expected.length());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        reply.writeTo(written);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        ByteArrayOutputStream gathered = new ByteArrayOutputStream();
        for (ByteBuffer buffer : reply.buffers()) {
            gathered.write(buffer.array(), buffer.position(), buffer.remaining());
        }
        assertThat(gathered.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(reply.isError()).isFalse();
    }

    @Test
    void thePageIsSharedNotCopied() {
        Reply reply = Reply.result(IntNode.valueOf(7), PAGE);

        assertThat(reply.buffers())
                .anySatisfy(buffer -> assertThat(buffer.array()).isSameAs(PAGE));
    }

    @Test
    void aCompleteFrameIsOnePart() {
        byte[] frame = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(Reply.of(frame).bytes()).isSameAs(frame);
        assertThat(Reply.of(frame).buffers()).hasSize(1);
    }
}

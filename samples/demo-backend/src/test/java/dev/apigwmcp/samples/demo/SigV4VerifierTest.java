package dev.apigwmcp.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test verifier must itself be right: it reproduces the worked example of the AWS SigV4 documentation. */
class SigV4VerifierTest {

    @Test
    void reproducesTheDocumentedIamExample() {
        SigV4Verifier verifier = new SigV4Verifier(Map.of(), "us-east-1", "iam", Clock.systemUTC());
        String canonicalRequest = "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\n"
                + "host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "content-type;host;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(verifier.signature(
                        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "20150830", canonicalRequest))
                .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void canonicalUriEncodesTheReceivedPathAgain() {
        assertThat(SigV4Verifier.canonicalUri("/prod/pets/a%20b")).isEqualTo("/prod/pets/a%2520b");
        assertThat(SigV4Verifier.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void canonicalQueryIsSortedAndStrictlyEncoded() {
        assertThat(SigV4Verifier.canonicalQuery("b=2&a=x,y&a=1")).isEqualTo("a=1&a=x%2Cy&b=2");
    }
}

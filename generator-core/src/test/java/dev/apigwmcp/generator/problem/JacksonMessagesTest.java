package dev.apigwmcp.generator.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacksonMessagesTest {

    @Test
    void jacksonsSourceNoticeBecomesAPlainLineAndColumn() {
        assertThat(JacksonMessages.withPlainLocations("Unexpected end-of-input: expected close marker for Object (start"
                        + " marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line:"
                        + " 3, column: 7])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (start marker at line 3, column"
                        + " 7)");
    }
}

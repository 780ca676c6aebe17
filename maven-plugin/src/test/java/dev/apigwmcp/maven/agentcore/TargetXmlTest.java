package dev.apigwmcp.maven.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.agentcore.AgentCoreTarget;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetXmlTest {

    private static AgentCoreTarget target(String region, String description, List<OverrideInput> overrides) {
        return new AgentCoreTarget(
                "petstore",
                "a1b2c3d4e5",
                "prod",
                region,
                description,
                List.of(new FilterInput("/pets/*", List.of("GET", "POST"))),
                overrides);
    }

    @Test
    void writesEveryMemberInTheDocumentedCompactForm() {
        assertThat(TargetXml.lines(
                        target(
                                "eu-west-1",
                                null,
                                List.of(new OverrideInput("/pets/{petId}", "GET", "getPet", "Fetch one pet."))),
                        "petstore.json",
                        "  "))
                .containsExactly(
                        "<!-- Imported from AgentCore Gateway target petstore (petstore.json) -->",
                        "<target>",
                        "  <name>petstore</name>",
                        "  <restApiId>a1b2c3d4e5</restApiId>",
                        "  <stage>prod</stage>",
                        "  <region>eu-west-1</region>",
                        "  <toolFilters>",
                        "    <toolFilter><filterPath>/pets/*</filterPath><methods><method>GET</method>"
                                + "<method>POST</method></methods></toolFilter>",
                        "  </toolFilters>",
                        "  <toolOverrides>",
                        "    <toolOverride><path>/pets/{petId}</path><method>GET</method><name>getPet</name>"
                                + "<description>Fetch one pet.</description></toolOverride>",
                        "  </toolOverrides>",
                        "</target>");
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        assertThat(TargetXml.lines(target(null, null, List.of()), "t.json", "  "))
                .noneMatch(line -> line.contains("<region>") || line.contains("toolOverrides"));
    }

    @Test
    void escapesTextSoThatAnyDescriptionStaysOneElement() {
        List<String> lines = TargetXml.lines(
                target(null, null, List.of(new OverrideInput("/pets", "GET", "list", "Pets <cats & dogs> only"))),
                "t.json",
                "  ");

        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).contains("<description>Pets &lt;cats &amp; dogs&gt; only</description>"));
    }

    @Test
    void theDescriptionGoesIntoTheCommentWithoutBreakingIt() {
        String comment = TargetXml.lines(target(null, "Orders -- prod\nstage -", List.of()), "t.json", "  ")
                .get(0);

        assertThat(comment)
                .isEqualTo("<!-- Imported from AgentCore Gateway target petstore (t.json): Orders - prod"
                        + " stage -  -->");
        assertThat(comment.substring(4, comment.length() - 3)).doesNotContain("--");
    }

    @Test
    void indentsWithTheGivenUnit() {
        assertThat(TargetXml.lines(target(null, null, List.of()), "t.json", "\t"))
                .contains(
                        "\t<name>petstore</name>",
                        "\t\t<toolFilter><filterPath>/pets/*</filterPath><methods><method>GET</method><method>POST</method>"
                                + "</methods></toolFilter>");
    }
}

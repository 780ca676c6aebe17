package dev.apigwmcp.maven.agentcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PomTargetInserterTest {

    private static final List<String> TARGET = List.of("<target>", "  <name>orders</name>", "</target>");

    /** A POM around the plugin declaration, which is written from column 0 and placed at the POM's depth. */
    private static String pom(String plugin) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <!-- the gateway -->
                  <build>
                    <plugins>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(plugin.indent(6));
    }

    private static String insert(String pom) throws PomTargetInserter.PomEditException {
        return PomTargetInserter.insert(pom, "orders", TARGET, "pom.xml");
    }

    @Test
    void addsTheTargetAfterTheExistingOnesWithTheirIndentation() throws Exception {
        assertThat(insert(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                      <!-- the first API -->
                      <target><name>petstore</name><exportFile>p.json</exportFile></target>
                    </targets>
                  </configuration>
                </plugin>"""))).isEqualTo(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                      <!-- the first API -->
                      <target><name>petstore</name><exportFile>p.json</exportFile></target>
                      <target>
                        <name>orders</name>
                      </target>
                    </targets>
                  </configuration>
                </plugin>"""));
    }

    @Test
    void createsTargetsInAnExistingConfiguration() throws Exception {
        assertThat(insert(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <skip>false</skip>
                  </configuration>
                </plugin>"""))).isEqualTo(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <skip>false</skip>
                    <targets>
                      <target>
                        <name>orders</name>
                      </target>
                    </targets>
                  </configuration>
                </plugin>"""));
    }

    @Test
    void createsConfigurationWhenThePluginHasNone() throws Exception {
        assertThat(insert(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                </plugin>"""))).isEqualTo(pom("""
                <plugin>
                  <groupId>dev.apigwmcp</groupId>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                      <target>
                        <name>orders</name>
                      </target>
                    </targets>
                  </configuration>
                </plugin>"""));
    }

    @Test
    void followsThePomsOwnIndentationUnit() throws Exception {
        String before = """
                <project>
                    <build>
                        <plugins>
                            <plugin>
                                <artifactId>apigw-mcp-maven-plugin</artifactId>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """;

        assertThat(insert(before)).contains("""
                                <artifactId>apigw-mcp-maven-plugin</artifactId>
                                <configuration>
                                    <targets>
                                        <target>
                                            <name>orders</name>
                                        </target>
                                    </targets>
                                </configuration>
                            </plugin>
                """);
    }

    @Test
    void indentsTheTargetsOwnLevelsWithTheUnitToo() throws Exception {
        String before = "<project>\n\t<build>\n\t\t<plugins>\n\t\t\t<plugin>\n"
                + "\t\t\t\t<artifactId>apigw-mcp-maven-plugin</artifactId>\n\t\t\t</plugin>\n\t\t</plugins>\n"
                + "\t</build>\n</project>\n";

        assertThat(insert(before))
                .contains("\t\t\t\t\t\t<target>\n\t\t\t\t\t\t\t<name>orders</name>\n" + "\t\t\t\t\t\t</target>\n");
    }

    @Test
    void replacesAnEmptyTargetsElement() throws Exception {
        assertThat(insert(pom("""
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets/>
                  </configuration>
                </plugin>"""))).isEqualTo(pom("""
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                      <target>
                        <name>orders</name>
                      </target>
                    </targets>
                  </configuration>
                </plugin>"""));
    }

    @Test
    void keepsCrLfLineEndsAndAByteOrderMark() throws Exception {
        String plugin = """
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                    </targets>
                  </configuration>
                </plugin>""";
        String before = "\uFEFF" + pom(plugin).replace("\n", "\r\n");

        String after = insert(before);

        assertThat(after)
                .isEqualTo("\uFEFF" + pom(plugin.replace("<targets>\n", """
                <targets>
                      <target>
                        <name>orders</name>
                      </target>
                """)).replace("\n", "\r\n"));
    }

    @Test
    void everythingElseInThePomStaysByteForByte() throws Exception {
        String before = pom("""
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>  <!-- odd spacing &amp; an entity -->
                      <target><name>a</name></target>
                    </targets>
                  </configuration>
                </plugin>
                <plugin><artifactId>other</artifactId><configuration><targets/></configuration></plugin>""");
        String added = "            <target>\n              <name>orders</name>\n            </target>\n";

        String after = insert(before);
        int at = after.indexOf(added);

        assertThat(at).isPositive();
        assertThat(after.substring(0, at) + after.substring(at + added.length()))
                .isEqualTo(before);
    }

    @Test
    void aPluginInPluginManagementIsUsedWhenPluginsHasNone() throws Exception {
        String before = """
                <project>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <artifactId>apigw-mcp-maven-plugin</artifactId>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """;

        assertThat(insert(before))
                .contains("<artifactId>apigw-mcp-maven-plugin</artifactId>\n"
                        + "          <configuration>\n            <targets>\n              <target>\n");
    }

    @Test
    void aTargetOfTheSameNameIsRefused() {
        String before = pom("""
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <configuration>
                    <targets>
                      <target>
                        <name> orders </name>
                      </target>
                    </targets>
                  </configuration>
                </plugin>""");

        assertThatThrownBy(() -> insert(before))
                .hasMessage("pom.xml already has a target named orders (line 11);"
                        + " remove or rename it first; nothing was written");
    }

    @Test
    void aPomWithoutThePluginIsRefusedSayingWhatToAdd() {
        assertThatThrownBy(() -> insert(pom("<plugin><artifactId>maven-jar-plugin</artifactId></plugin>")))
                .hasMessageStartingWith(
                        "pom.xml does not declare the apigw-mcp-maven-plugin plugin in" + " <build><plugins>; add it");
    }

    @Test
    void targetsKeptInAnExecutionAreLeftToTheUser() {
        String before = pom("""
                <plugin>
                  <artifactId>apigw-mcp-maven-plugin</artifactId>
                  <executions>
                    <execution>
                      <configuration><targets><target><name>a</name></target></targets></configuration>
                    </execution>
                  </executions>
                </plugin>""");

        assertThatThrownBy(() -> insert(before))
                .hasMessageContaining("keeps the plugin's <targets> in an <execution>" + " (line 10)");
    }

    @Test
    void aPomThatIsNotWellFormedIsRefusedWithItsLine() {
        assertThatThrownBy(() -> insert("<project>\n  <build>\n</project>\n"))
                .hasMessageStartingWith("pom.xml is not well-formed XML (line 3)");
    }

    @Test
    void aFileThatIsNotAPomIsRefused() {
        assertThatThrownBy(() -> insert("<settings/>"))
                .hasMessage("pom.xml is not a Maven POM (no <project>);" + " nothing was written");
    }
}

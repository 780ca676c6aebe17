package dev.apigwmcp.generator.emit;

/** Resource paths shared with the runtime (see docs/contract.md). */
public final class ResourcePaths {

    public static final String ROOT = "apigw-mcp/";
    public static final String CATALOG = ROOT + "catalog/";
    public static final String SERVICES = "META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry";

    private ResourcePaths() {}

    /** {@code apigw-mcp/targets/<target>/}. */
    public static String targetFolder(String target) {
        return ROOT + "targets/" + target + "/";
    }
}

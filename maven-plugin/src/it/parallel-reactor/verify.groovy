// Both runs built the two modules with the parallel builder, in one JVM and one plugin class realm.
def log = new File(basedir, 'build.log').text
assert (log =~ /Using the MultiThreadedBuilder implementation with a thread count of 2/).count == 2
// Run 1 generated each module once; run 2 found nothing changed in either.
assert (log =~ /apigw-mcp: target petstore: 4 tools generated/).count == 1
assert (log =~ /apigw-mcp: target orders: 7 tools generated/).count == 1
assert (log =~ /apigw-mcp: no input changed since the last run \(1 target\), generated sources are up to date/).count == 2
// In both runs check-catalog found each module's generated tools.json and TOOLS.md identical to its reviewed ones.
assert (log =~ /apigw-mcp: the tool catalog matches the reviewed catalog in src\/main\/apigw-mcp\/catalog/).count == 4

def modules = [
        'petstore-tools': [target: 'petstore', export: 'petstore.export.json', tools: 4,
                           registry: 'dev.apigwmcp.generated.petstore.PetstoreToolRegistry'],
        'orders-tools'  : [target: 'orders', export: 'orders.export.yaml', tools: 7,
                           registry: 'com.example.orders.tools.OrdersToolRegistry'],
]
modules.each { dir, expected ->
    def module = new File(basedir, dir)
    def resources = new File(module, 'target/generated-resources/apigw-mcp/apigw-mcp')
    def catalog = new File(resources, 'catalog/tools.json').text
    def names = (catalog =~ /"name"\s*:\s*"([A-Za-z0-9_-]+___[A-Za-z0-9_-]+)"/).collect { it[1] }
    assert names.size() == expected.tools : "${dir}: ${names}"
    // Only the module's own target, nothing from the module built beside it.
    assert names.every { it.startsWith(expected.target + '___') } : "${dir}: ${names}"
    assert new File(resources, 'targets').list() as List == [expected.target]
    // Every tool has its input schema and its binding.
    def target = new File(resources, "targets/${expected.target}")
    def bindings = new File(target, 'bindings.json').text
    names.each { name ->
        assert new File(target, "schemas/${name}.input.json").isFile() : "${dir}: no input schema for ${name}"
        assert bindings.contains("\"${name}\"") : "${dir}: no binding for ${name}"
    }
    // The module's registry is registered, and every generated source compiled.
    assert new File(module, 'target/classes/META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry').text.trim() ==
            expected.registry
    def sources = new File(module, 'target/generated-sources/apigw-mcp')
    def javaFiles = []
    sources.eachFileRecurse { if (it.name.endsWith('.java')) javaFiles << it }
    assert javaFiles.size() > expected.tools : "${dir}: ${javaFiles}"
    javaFiles.each { source ->
        def compiled = sources.toPath().relativize(source.toPath()).toString().replaceAll(/\.java$/, '.class')
        assert new File(module, "target/classes/${compiled}").isFile() : "${dir}: ${compiled} missing"
    }
    // Each module recorded its own export for the no-change check.
    assert new File(module, 'target/apigw-mcp/inputs/export-1').bytes ==
            new File(module, "src/main/apigw-mcp/${expected.export}").bytes
}
return true

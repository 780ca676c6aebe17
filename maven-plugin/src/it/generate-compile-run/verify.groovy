// The build generated, compiled and ran the registry test; check the layout and the log too.
def log = new File(basedir, 'build.log').text
assert log.contains('apigw-mcp: target petstore: 4 tools generated')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')

def resources = new File(basedir, 'target/generated-resources/apigw-mcp/apigw-mcp')
assert new File(resources, 'catalog/tools.json').isFile()
assert new File(resources, 'catalog/TOOLS.md').isFile()
assert new File(resources, 'targets/petstore/bindings.json').isFile()
assert new File(basedir, 'target/generated-sources/apigw-mcp').listFiles().length > 0
assert new File(basedir, 'target/classes/META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry').isFile()

// displayFile is relative: no generated file may mention the absolute project path.
def absolute = basedir.canonicalPath
new File(basedir, 'target/generated-resources').eachFileRecurse { f ->
    if (f.isFile()) assert !f.text.contains(absolute) : "${f} contains an absolute path"
}
return true

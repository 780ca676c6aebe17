import java.util.jar.JarFile
import java.util.concurrent.TimeUnit

// The jar the package goal wrote, without any shade configuration in the POM.
def jarFile = new File(basedir, 'target/it-package-gateway-jar.jar')
assert jarFile.isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('apigw-mcp: gateway jar target/it-package-gateway-jar.jar (')

new JarFile(jarFile).withCloseable { jar ->
    assert jar.manifest.mainAttributes.getValue('Main-Class') == 'dev.apigwmcp.runtime.Gateway'
    def names = jar.entries().toList()*.name
    assert names.size() == names.toSet().size() : 'duplicate entries'
    assert !names.any { it ==~ /(?i)META-INF\/[^\/]+\.(SF|RSA|DSA|EC)/ } : 'signature files'
    assert !names.contains('module-info.class')
    def text = { String name -> jar.getInputStream(jar.getEntry(name)).text }
    // The generated registry and the runtime's tool service, each found through its merged service file.
    assert text('META-INF/services/dev.apigwmcp.runtime.spi.ToolRegistry').trim()
    assert text('META-INF/services/dev.apigwmcp.runtime.ToolServiceFactory')
            .contains('dev.apigwmcp.runtime.execution.GeneratedToolServiceFactory')
    assert names.contains('apigw-mcp/targets/petstore/bindings.json')
    assert names.contains('tools/jackson/databind/ObjectMapper.class')
}

// Reproducible: the second build wrote the same bytes.
assert new File(basedir, 'target/again.jar').bytes == jarFile.bytes : 'the jar differs between two builds'

// The jar runs: --list-tools prints one line per tool.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = new ProcessBuilder(java, '-jar', jarFile.path, '--list-tools').redirectErrorStream(true).start()
process.outputStream.close()
def output = process.inputStream.text
assert process.waitFor(60, TimeUnit.SECONDS)
assert process.exitValue() == 0 : output
def tools = output.readLines().findAll { it.trim() }
assert tools.size() == 3 : output
return true

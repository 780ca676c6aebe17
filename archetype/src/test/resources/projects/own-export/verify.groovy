import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

// The archetype plugin's script runner passes the generated project's folder in its context map.
File projectDir = context.projectDir as File

// projectDir: the project generated with -Dtarget=orders -DexportFile=<this module>/src/test/exports/orders.export.json
// and built with mvn package apigw-mcp:update-catalog verify.
def module = new File(projectDir, '../../../../../..').canonicalFile
def source = new File(module, 'src/test/exports/orders.export.json')

// The export was copied as the target's file, and the PetStore export is gone.
def copied = new File(projectDir, 'src/main/apigw-mcp/orders.export.json')
assert copied.bytes == source.bytes
assert !new File(projectDir, 'src/main/apigw-mcp/petstore.export.json').exists()

// One target, no filters, and no demo anywhere in the project.
def pom = new File(projectDir, 'pom.xml').text
assert pom.contains('<name>orders</name>')
assert pom.contains('<exportFile>src/main/apigw-mcp/orders.export.json</exportFile>')
assert !pom.contains('<toolFilter>')
assert !pom.contains('demo')
assert !new File(projectDir, 'README.md').text.contains('--demo')
// The PetStore's worked interceptors are not part of a project on its own export.
assert !new File(projectDir, 'src/main/java').exists()
assert !new File(projectDir, 'src/main/resources').exists()

// mvn package wrote the runnable jar, without demo classes.
def jar = new File(projectDir, 'target/my-gateway.jar')
assert jar.isFile()
new JarFile(jar).withCloseable { file ->
    assert file.manifest.mainAttributes.getValue('Main-Class') == 'dev.apigwmcp.runtime.Gateway'
    assert !file.entries().toList().any { it.name.startsWith('dev/apigwmcp/samples/') }
}

// update-catalog wrote the reviewed catalog, and the check of the following verify passed.
assert new File(projectDir, 'src/main/apigw-mcp/catalog/tools.json').isFile()
def log = new File(projectDir, 'build.log').text
assert log.contains('apigw-mcp: the tool catalog matches the reviewed catalog')

// --list-tools prints the export's three operations, named <target>___<operationId> by default.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def errors = new File(projectDir, 'target/list-tools.err')
def process = new ProcessBuilder(java, '-jar', jar.path, '--list-tools').redirectError(errors).start()
process.outputStream.close()
def output = process.inputStream.text
assert process.waitFor(60, TimeUnit.SECONDS)
assert process.exitValue() == 0 : output + errors.text
def names = output.readLines().findAll { it.trim() }.collect { it.split(/\s+/)[0] }
assert names.size() == 3 : output
assert names.toSet() == ['orders___ListOrders', 'orders___CreateOrder', 'orders___GetOrder'].toSet() : output
return true

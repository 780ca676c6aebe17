import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// The archetype plugin's script runner passes the generated project's folder in its context map.
File projectDir = context.projectDir as File

// projectDir: the project generated with the defaults (no target, no exportFile) and built with mvn package.
def pom = new File(projectDir, 'pom.xml').text
assert pom.contains('<name>petstore</name>')
assert pom.contains('<artifactId>apigw-mcp-demo-gateway</artifactId>')
assert pom.contains('<mainClass>dev.apigwmcp.samples.demogateway.DemoGateway</mainClass>')
assert new File(projectDir, 'src/main/apigw-mcp/petstore.export.json').isFile()
def jar = new File(projectDir, 'target/my-gateway.jar')
assert jar.isFile()

def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = { List<String> args, String input ->
    def errors = new File(projectDir, 'target/gateway.err')
    def process = new ProcessBuilder([java, '-jar', jar.path] + args).redirectError(errors).start()
    process.outputStream.withWriter('UTF-8') { it.write(input) }
    def output = process.inputStream.getText('UTF-8')
    assert process.waitFor(60, TimeUnit.SECONDS)
    assert process.exitValue() == 0 : output + errors.text
    output
}

// --demo --list-tools: every operation of the PetStore export, named <target>___<operationId> by default.
def tools = run(['--demo', '--list-tools'], '').readLines().findAll { it.trim() }.collect { it.split(/\s+/)[0] }
assert tools.size() == 8 : tools
def listPets = 'petstore___ListPets'
assert tools.containsAll([listPets, 'petstore___GetPet', 'petstore___CreatePet']) : tools

// The start script the package goal writes beside the jar (with its class archive) runs the same gateway.
def script = new File(projectDir, 'target/my-gateway')
assert script.isFile()
def scripted = new ProcessBuilder(['sh', script.path, '--demo', '--list-tools'])
scripted.environment().put('JAVA_HOME', System.getProperty('java.home'))
def started = scripted.redirectError(new File(projectDir, 'target/script.err')).start()
started.outputStream.close()
def scriptOutput = started.inputStream.getText('UTF-8')
assert started.waitFor(60, TimeUnit.SECONDS)
assert started.exitValue() == 0 : scriptOutput + new File(projectDir, 'target/script.err').text
assert scriptOutput.readLines().findAll { it.trim() }.collect { it.split(/\s+/)[0] } == tools : scriptOutput

// --demo over stdio: a tool call reaches the in-memory PetStore API, signed with the demo keys, and returns pets.
def frames = [
        [jsonrpc: '2.0', id: 1, method: 'initialize', params: [protocolVersion: '2025-06-18', capabilities: [:],
                clientInfo: [name: 'archetype-it', version: '1']]],
        [jsonrpc: '2.0', method: 'notifications/initialized'],
        [jsonrpc: '2.0', id: 2, method: 'tools/call', params: [name: listPets, arguments: [type: 'dog']]],
]
def replies = run(['--demo'], frames.collect { JsonOutput.toJson(it) + '\n' }.join())
        .readLines().findAll { it.trim() }.collect { new JsonSlurper().parseText(it) }
def call = replies.find { it.id == 2 }
assert call?.result : replies
assert !call.result.isError : call
assert JsonOutput.toJson(call.result).contains('dog') : call

// The worked interceptors (src/main/java/dev/apigwmcp/samples/petstore/interceptors): the owner's e-mail address of
// pet 2 is redacted, and the DELETE tool is refused without a token carrying pets/admin (none over stdio).
def intercepted = [
        frames[0], frames[1],
        [jsonrpc: '2.0', id: 3, method: 'tools/call', params: [name: 'petstore___GetPet', arguments: [petId: '2']]],
        [jsonrpc: '2.0', id: 4, method: 'tools/call', params: [name: 'petstore___delete_pets_petId',
                arguments: [petId: '2']]],
]
def answers = run(['--demo'], intercepted.collect { JsonOutput.toJson(it) + '\n' }.join())
        .readLines().findAll { it.trim() }.collect { new JsonSlurper().parseText(it) }
def pet = answers.find { it.id == 3 }
assert pet?.result && !pet.result.isError : answers
assert pet.result.structuredContent.owner.email == 'redacted@example.invalid' : pet
assert !JsonOutput.toJson(pet.result).contains('ada@example.com') : pet
def delete = answers.find { it.id == 4 }
assert delete?.result?.isError : answers
assert delete.result.content[0].text.contains('pets/admin') : delete

// jib:buildTar (on an empty base, as no registry is reachable here): the parent's image settings, the demo launcher.
def image = new File(projectDir, 'target/jib-image.tar')
assert image.isFile()
def tar = new ProcessBuilder('tar', '-xOf', image.path, 'config.json').start()
def config = new JsonSlurper().parseText(tar.inputStream.getText('UTF-8'))
assert tar.waitFor(30, TimeUnit.SECONDS) && tar.exitValue() == 0
assert config.config.User == '65532:65532' : config
assert config.config.ExposedPorts.containsKey('8080/tcp') : config
assert config.config.Env.containsAll(['APIGW_MCP_TRANSPORT=http', 'APIGW_MCP_HOST=0.0.0.0', 'APIGW_MCP_PORT=8080']) : config
assert config.config.Entrypoint == ['java', '-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError', '-cp',
        '@/app/jib-classpath-file', 'dev.apigwmcp.samples.demogateway.DemoGateway'] : config
return true

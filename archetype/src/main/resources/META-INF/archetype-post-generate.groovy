// After the archetype wrote the project: put the export in place. With -DexportFile, the user's export replaces the
// PetStore one as src/main/apigw-mcp/<target>.export.json (.yaml for a YAML file, as pom.xml names it); without,
// the PetStore export stays, with the demo launcher. A problem fails the generation in one line and removes the
// half-made project, so that the same command can be run again once it is fixed.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

Path project = Paths.get(request.outputDirectory, request.artifactId)
String target = request.properties.getProperty('target')
String exportFile = request.properties.getProperty('exportFile')
Path exports = project.resolve('src/main/apigw-mcp')

def fail = { String message ->
    project.toFile().deleteDir()
    throw new IllegalArgumentException('apigw-mcp: ' + message)
}

if (!(target ==~ /[0-9A-Za-z]+(-[0-9A-Za-z]+)*/) || target.length() > 100) {
    fail("-Dtarget=${target}: a target name is letters and digits with single hyphens between them (no spaces or"
            + " underscores), at most 100 characters")
}

if (exportFile != 'none') {
    // The worked interceptors are written for the PetStore export (its owners' e-mail addresses, a pets/admin scope
    // for its DELETE); a project on its own export starts without interceptors.
    project.resolve('src/main/java/dev').toFile().deleteDir()
    Files.delete(project.resolve('src/main/resources/META-INF/services/dev.apigwmcp.runtime.spi.ToolInterceptor'))
    ['src/main/resources/META-INF/services', 'src/main/resources/META-INF', 'src/main/resources', 'src/main/java']
            .each { Files.deleteIfExists(project.resolve(it)) }
}

if (exportFile == 'none') {
    println("apigw-mcp: ${request.artifactId} serves the PetStore export as target ${target}; try it:"
            + " cd ${request.artifactId} && mvn package && java -jar target/${request.artifactId}.jar --demo --list-tools")
    return
}

String expanded = exportFile.startsWith('~/') ? System.getProperty('user.home') + exportFile.substring(1) : exportFile
Path source = Paths.get(expanded).toAbsolutePath().normalize()
if (!Files.exists(source)) {
    fail("-DexportFile=${exportFile}: there is no such file (${source})")
}
if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
    fail("-DexportFile=${exportFile}: ${source} is not a readable file")
}
String lower = source.fileName.toString().toLowerCase(Locale.ROOT)
boolean yaml = lower.endsWith('.yaml') || lower.endsWith('.yml')
String text = new String(Files.readAllBytes(source), 'UTF-8')
if (!yaml && !text.stripLeading().startsWith('{')) {
    fail("-DexportFile=${exportFile}: ${source} is not JSON (name a YAML export .yaml or .yml)")
}
if (!(text =~ /["']?(openapi|swagger)["']?\s*:/)) {
    fail("-DexportFile=${exportFile}: ${source} is not an OpenAPI 3 or Swagger 2 export (it has no openapi or"
            + " swagger field); export the stage with API Gateway's extensions, as JSON or YAML")
}
Path copy = exports.resolve(target + '.export.' + (yaml ? 'yaml' : 'json'))
Files.delete(exports.resolve('petstore.export.json'))
Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING)
println("apigw-mcp: ${request.artifactId} serves ${source} (copied to ${project.relativize(copy)}) as target"
        + " ${target}; next: cd ${request.artifactId} && mvn package && java -jar target/${request.artifactId}.jar --list-tools")

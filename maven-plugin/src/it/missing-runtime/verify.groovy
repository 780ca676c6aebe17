def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }
assert errors.any { it ==~ /\[ERROR\] .*apigw-mcp: the generated tools compile against the runtime, which is not a dependency of this project: add the dependency dev\.apigwmcp:apigw-mcp-runtime:\d[^ ]* .*/ } : errors.join('\n')
// Nothing was generated, so javac never ran into the missing packages.
assert !log.contains('does not exist')
assert !new File(basedir, 'target/generated-sources/apigw-mcp').exists()
return true

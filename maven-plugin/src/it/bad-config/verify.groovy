def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert errors.contains('apigw-mcp: generation failed with') : errors
// Both problems of run 1 are listed, each naming its place.
assert errors.find(/(?m)^\[ERROR\]\s+.*\/pets\/\{petId\}\/toys.*$/) : errors
assert errors.find(/(?m)^\[ERROR\]\s+.*\/nothing\/\*.*$/) : errors
assert errors.contains('target petstore: exportFile src/main/apigw-mcp/missing.export.json does not exist') : errors
// Run 3: skipped, and it says so.
assert log.contains('apigw-mcp: skipped (apigw-mcp.skip)')
// Build errors, not crashes: no stack trace from the plugin.
assert !log.contains('at dev.apigwmcp.') : 'stack trace in the log'
return true

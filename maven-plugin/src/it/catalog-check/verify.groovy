def log = new File(basedir, 'build.log').text
assert log.contains('apigw-mcp: there is no reviewed tool catalog at src/main/apigw-mcp/catalog/tools.json;'
        + ' create it with: mvn apigw-mcp:update-catalog')
assert log.contains('apigw-mcp: updated the reviewed tool catalog: src/main/apigw-mcp/catalog/tools.json,'
        + ' src/main/apigw-mcp/catalog/TOOLS.md')
assert (log =~ /apigw-mcp: the tool catalog matches the reviewed catalog in src\/main\/apigw-mcp\/catalog/).count == 2
assert log.contains('apigw-mcp: the generated tool catalog differs from the reviewed one in src/main/apigw-mcp/catalog'
        + ' (1 breaking, 0 compatible):')
assert log.find(/\[ERROR\]\s+BREAKING petstore___Health: tool removed/)
assert log.contains('to accept the new catalog run: mvn apigw-mcp:update-catalog')
assert log.contains('diff written to target/apigw-mcp/catalog-diff.md')
// Runs 4 and 5 fail on the breaking change; run 6 (failOn=none) only warns.
assert (log =~ /\[ERROR\]\s+BREAKING petstore___Health: tool removed/).count == 2
assert log.find(/\[WARNING\]\s+BREAKING petstore___Health: tool removed/)

// Run 6 found no difference and removed the diff of run 4, so CI never posts a stale one.
assert !new File(basedir, 'target/apigw-mcp/catalog-diff.md').exists()
def catalog = new File(basedir, 'src/main/apigw-mcp/catalog/tools.json').text
assert catalog.contains('"tools"')
assert !catalog.contains('petstore___Health')
return true

def log = new File(basedir, 'build.log').text
def counts = (log =~ /apigw-mcp: target petstore: (\d+) tools? generated/).collect { it[1] as int }
// Run 1 and run 3 generated; run 2 did not.
assert counts.size() == 2 : "expected two generation runs, log: ${counts}"
assert counts[1] == counts[0] - 1 : "the changed export drops /health: ${counts}"
assert (log =~ /apigw-mcp: no input changed since the last run \(1 target\), generated sources are up to date/).count == 1

// No stale output from run 1: the Health tool is gone from every generated file.
def roots = ['target/generated-sources/apigw-mcp', 'target/generated-resources/apigw-mcp'].collect { new File(basedir, it) }
roots.each { root ->
    root.eachFileRecurse { f ->
        assert !f.name.toLowerCase().contains('health') : "stale file ${f}"
        if (f.isFile()) assert !f.text.contains('petstore___Health') : "stale content in ${f}"
    }
}
// The inputs of run 3 are recorded for the next no-change check.
assert new File(basedir, 'target/apigw-mcp/inputs/configuration.txt').isFile()
assert new File(basedir, 'target/apigw-mcp/inputs/export-1').text == new File(basedir, 'src/main/apigw-mcp/petstore.export.json').text
return true

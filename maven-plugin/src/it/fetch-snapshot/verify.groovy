def server = System.properties.remove('apigw-mcp.it.fake.server')
def requests = System.properties.remove('apigw-mcp.it.fake.requests')
server?.stop(0)

// Exactly the request API Gateway's GetExport expects, signed with SigV4: once for the missing snapshot (run 1),
// not for the build that finds it (run 2), once more for refresh (run 3).
assert requests.size() == 2 : "requests: ${requests}"
def request = requests[0]
assert request.method == 'GET'
assert request.path == '/restapis/a1b2c3d4e5/stages/prod/exports/oas30'
assert request.query == 'extensions=apigateway'
assert request.accept == 'application/json'
assert request.authorization.startsWith('AWS4-HMAC-SHA256 Credential=AKIDFAKEINVOKERIT/')
assert request.authorization.contains('/us-east-1/apigateway/aws4_request')

// The snapshot is stored pretty-printed and stable, and generation ran from it.
def snapshot = new File(basedir, 'src/main/apigw-mcp/petstore.export.json')
assert snapshot.isFile()
def text = snapshot.text
assert text.startsWith('{\n  "openapi": "3.0.1",\n')
assert text.endsWith('}\n') && !text.contains('\r')
def log = new File(basedir, 'build.log').text
assert (log =~ /apigw-mcp: target petstore: fetched the export of restApiId a1b2c3d4e5, stage prod into src\/main\/apigw-mcp\/petstore.export.json/).count == 2
assert log.find(/apigw-mcp: target petstore: \d+ tools generated/)
assert !log.contains('fakeSecretForTheInvokerItOnly')
return true

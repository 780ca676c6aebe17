def log = new File(basedir, 'build.log').text

// Run 1: the target, its gateway settings and the notes are printed; the POM is not touched.
assert log.contains('apigw-mcp: AgentCore target petstore (agentcore/petstore-target.json) as a <target> of the plugin\'s <targets>:')
assert log.contains('<restApiId>a1b2c3d4e5</restApiId>')
assert log.contains('<toolFilter><filterPath>/pets/*</filterPath><methods><method>GET</method></methods></toolFilter>')
assert log.contains('target.petstore.api-key-env=PETSTORE_API_KEY')
assert log.contains('target.petstore.forward-headers=X-Tenant-Id')
assert log.find(/\[WARNING\] apigw-mcp: agentcore\/petstore-target.json#\/credentialProviderConfigurations\/0\/credentialProviderType: API_KEY: /)
assert log.contains('apigw-mcp: nothing was written; to add the target to the POM:')
// ... and kept as files, to copy without log prefixes.
assert log.contains('apigw-mcp: also written to target/apigw-mcp/import-agentcore/: petstore.target.xml,')
def copies = new File(basedir, 'target/apigw-mcp/import-agentcore')
assert new File(copies, 'petstore.target.xml').text.startsWith('<!-- Imported from AgentCore Gateway target petstore')
assert new File(copies, 'petstore.gateway.properties').text.contains('\ntarget.petstore.api-key-env=PETSTORE_API_KEY\n')
assert new File(copies, 'petstore.notes.txt').text.contains('agentcore/petstore-target.json#/credentialProviderConfigurations/0/credentialProviderType: API_KEY')

// Run 2: a Lambda target is refused, located, without a stack trace.
assert log.contains('apigw-mcp: cannot import the AgentCore target agentcore/lambda-target.json:')
assert log.contains('agentcore/lambda-target.json#/targetConfiguration/mcp/apiGateway: is missing: this is a lambda target')

// Run 3 wrote the target; run 4 refused a second one of the same name.
assert log.contains('apigw-mcp: added target petstore to pom.xml.')
assert log.contains('pom.xml already has a target named petstore')

// The POM: the new target after the existing one, every other byte as it was.
def before = new File(basedir, 'pom.before.xml').text
def after = new File(basedir, 'pom.xml').text
def added = (after =~ /(?s) {12}<!-- Imported from AgentCore Gateway target petstore.*?<\/target>\n/)[0]
assert added.contains('<region>us-east-1</region>')
assert added.contains('<toolOverride><path>/pets</path><method>GET</method><name>listPets</name><description>List the pets in the store.</description></toolOverride>')
assert after.replace(added, '') == before
assert after.indexOf('<name>store</name>') < after.indexOf('<name>petstore</name>')

// Run 5: the imported target generates, from its snapshot, the tools AgentCore's configuration names.
def tools = new File(basedir, 'target/generated-resources/apigw-mcp/apigw-mcp/catalog/tools.json').text
['petstore___listPets', 'petstore___CreatePet', 'petstore___getPet', 'petstore___ListPetPhotos',
 'store___GetInventory'].each { assert tools.contains('"' + it + '"') : it }
assert !tools.contains('petstore___ListPets')
assert !tools.contains('delete_pets_petId')

assert !log.contains('at dev.apigwmcp.') : 'stack trace in the log'
return true

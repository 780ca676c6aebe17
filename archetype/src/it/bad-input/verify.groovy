def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert errors.contains('apigw-mcp: -DexportFile=no/such/orders.export.json: there is no such file (') : errors
assert errors.contains('apigw-mcp: -Dtarget=my_orders: a target name is letters and digits with single hyphens') : errors
// No stack trace of the script, and the project folder is gone so that the corrected command can run.
assert !log.contains('\tat ')
assert !new File(basedir, 'my-gateway').exists()
return true

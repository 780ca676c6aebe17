// Starts a fake API Gateway REST endpoint on 127.0.0.1 that records each request and answers GetExport with
// fake-export.json (compact JSON, so the test sees the plugin pretty-print it). verify.groovy stops it.
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer

def export = new File(basedir, 'fake-export.json').bytes
def requests = Collections.synchronizedList([])
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/', { exchange ->
    requests << [method: exchange.requestMethod, path: exchange.requestURI.path, query: exchange.requestURI.rawQuery,
                 accept: exchange.requestHeaders.getFirst('Accept'),
                 authorization: exchange.requestHeaders.getFirst('Authorization')]
    exchange.responseHeaders.add('Content-Type', 'application/json')
    exchange.sendResponseHeaders(200, export.length)
    exchange.responseBody.withStream { it.write(export) }
} as HttpHandler)
server.start()
System.properties.put('apigw-mcp.it.fake.server', server)
System.properties.put('apigw-mcp.it.fake.requests', requests)

def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('FAKE_APIGATEWAY_ENDPOINT', "http://127.0.0.1:${server.address.port}")
return true

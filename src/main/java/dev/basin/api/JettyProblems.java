package dev.basin.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem details for the errors Jetty answers itself, before a request reaches the API (an ambiguous or malformed
 * URI, a bad header): the same {@code application/problem+json} shape instead of Jetty's HTML page, no stack trace.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String field = code == 400 || code == 404 ? "path" : code == 413 ? "body" : code == 431 ? "headers" : "request";
        String problem = code == 400 ? "is not an acceptable request URI or request line"
                : code == 413 ? "is too large" : code == 431 ? "are too large" : "was refused by the HTTP layer (status " + code + ")";
        String json = "{\"type\":\"" + Problems.TYPE_PREFIX + "http-" + code + "\",\"title\":\"HTTP " + code + "\",\"status\":" + code
                + ",\"detail\":\"" + field + " " + problem + "\",\"field\":\"" + field + "\",\"problem\":\"" + problem + "\"}";
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        // Jetty closes the connection after rejecting a request at this level; say so, so clients do not reuse it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}

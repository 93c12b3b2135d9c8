package org.vaultsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server, on a free loopback port, serving the web app that this build compiled. */
class StaticServingTest {
    private static VaultSyncServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersOk() throws Exception {
        HttpResponse<String> response = get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void rootServesTheAppShellAsUtf8Html() throws Exception {
        HttpResponse<String> response = get("/");
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertTrue(response.body().contains("<div id=\"app\">"));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theServiceWorkerIsAlwaysRevalidatedAndCarriesTheShellsVersion() throws Exception {
        HttpResponse<String> response = get("/sw.js");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.body().matches("(?s).*const VERSION = '[0-9a-f]{16}';.*"), response.body());
    }

    @Test
    void theManifestIsServedAsAWebAppManifest() throws Exception {
        HttpResponse<String> response = get("/manifest.webmanifest");
        assertEquals(200, response.statusCode());
        assertEquals("application/manifest+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"display\": \"standalone\""));
    }

    @Test
    void compiledClientIsServedAsJavaScriptWithEtag() throws Exception {
        HttpResponse<String> response = get("/js/app.js");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(response.headers().firstValue("ETag").isPresent());
        assertTrue(response.body().length() > 10_000, "TeaVM output looks too small to be the client");
    }

    @Test
    void theClientAsksTheBrowserToCompileAllOfItAsItLoads() throws Exception {
        // the build adds V8's compile hint after TeaVM writes app.js (pom.xml, compile-hint-app): without it, the
        // client's code is compiled on the main thread the first time a room loads and connects
        String body = get("/js/app.js").body();
        assertTrue(body.startsWith("//# allFunctionsCalledOnLoad\n\"use strict\";"), body.substring(0, 60));
        assertEquals(body.indexOf("allFunctionsCalledOnLoad"), body.lastIndexOf("allFunctionsCalledOnLoad"), "once");
    }

    @Test
    void unchangedClientRevalidatesWithNotModified() throws Exception {
        String etag = get("/js/app.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/js/app.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
    }

    @Test
    void iconsAreCachedForADay() throws Exception {
        HttpResponse<String> response = get("/icons/icon.svg");
        assertEquals("image/svg+xml", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=86400", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void stylesheetHasCssType() throws Exception {
        assertTrue(get("/css/app.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertEquals(404, get("/no-such-file.txt").statusCode());
    }

    @Test
    void listsNoDirectories() throws Exception {
        assertEquals(404 == get("/css/").statusCode() || 403 == get("/css/").statusCode(), true);
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", server.baseUri().getHost());
    }

    @Test
    void rejectsNonGetOnHealthz() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
    }

    @Test
    void missingWebAppIsAClearStartupError() {
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> WebAppAssets.fromDirectory(java.nio.file.Path.of("target/no-such-webapp")));
        assertTrue(error.getMessage().startsWith("No index.html in"));
    }
}

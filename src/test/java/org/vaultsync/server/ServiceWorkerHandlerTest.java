package org.vaultsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceWorkerHandlerTest {
    @TempDir
    Path webApp;

    private String version() {
        return ServiceWorkerHandler.versionOf(ResourceFactory.root().newResource(webApp));
    }

    @Test
    void anyChangeToTheShellIsANewVersionButTheWorkerItselfIsNotCounted() throws Exception {
        Files.writeString(webApp.resolve("index.html"), "<html></html>");
        Files.createDirectories(webApp.resolve("js"));
        Files.writeString(webApp.resolve("js/app.js"), "main()");
        Files.writeString(webApp.resolve("sw.js"), "const VERSION = 'SHELL_VERSION';");
        String first = version();
        assertEquals(16, first.length());
        assertEquals(first, version(), "the same files give the same version");

        Files.writeString(webApp.resolve("sw.js"), "const VERSION = 'SHELL_VERSION'; // edited");
        assertEquals(first, version());

        Files.writeString(webApp.resolve("js/app.js"), "main([])");
        assertNotEquals(first, version(), "a changed client is a new version");
    }
}

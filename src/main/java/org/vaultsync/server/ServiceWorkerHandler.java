package org.vaultsync.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;

/**
 * {@code GET /sw.js}: the web app's service worker with its {@code SHELL_VERSION} replaced by a hash of every other
 * file of the web app. A browser installs a new worker only when the script's bytes change, so any change to the
 * app shell reaches players as "a new version is ready" without anyone bumping a number by hand. Never cached by
 * HTTP ({@code no-cache}), so the browser's update check always sees the current script.
 */
final class ServiceWorkerHandler extends Handler.Abstract.NonBlocking {
    static final String PATH = "/sw.js";
    static final String PLACEHOLDER = "SHELL_VERSION";

    private final String script;
    private final String version;

    ServiceWorkerHandler(Resource webApp) {
        Resource source = webApp.resolve(PATH.substring(1));
        if (source == null || !source.exists()) {
            throw new IllegalStateException("The web app has no " + PATH);
        }
        this.version = versionOf(webApp);
        this.script = read(source).replace(PLACEHOLDER, version);
    }

    /** Whether the web app has a service worker (test pages do not). */
    static boolean present(Resource webApp) {
        Resource source = webApp.resolve(PATH.substring(1));
        return source != null && source.exists();
    }

    String version() {
        return version;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (ReadOnlyRequests.refused(request, response, callback)) {
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CachePolicy.REVALIDATE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", StaticAssetsHandler.CONTENT_SECURITY_POLICY);
        Content.Sink.write(response, true, HttpMethod.HEAD.is(request.getMethod()) ? "" : script, callback);
        return true;
    }

    /**
     * SHA-256 over the paths and contents of every file but the worker itself, in path order; 16 hex digits. Paths
     * are built while walking, since a web app found on a classpath of several roots is a combined resource with no
     * single URI.
     */
    static String versionOf(Resource webApp) {
        Map<String, Resource> files = new TreeMap<>();
        collect(webApp, "", files);
        files.remove(PATH.substring(1));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Resource> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getValue().newInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Resource folder, String prefix, Map<String, Resource> out) {
        for (Resource child : folder.list()) {
            String name = child.getFileName();
            String path = prefix + (name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            if (child.isDirectory()) {
                collect(child, path + "/", out);
            } else {
                out.putIfAbsent(path, child);
            }
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.newInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

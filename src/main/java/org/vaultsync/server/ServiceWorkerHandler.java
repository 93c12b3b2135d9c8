package org.vaultsync.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
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

    /** SHA-256 over the paths and contents of every file but the worker itself, in path order; 16 hex digits. */
    static String versionOf(Resource webApp) {
        List<Resource> files = new ArrayList<>();
        collect(webApp, files);
        files.sort(Comparator.comparing(file -> file.getURI().toString()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String base = webApp.getURI().toString();
            for (Resource file : files) {
                String path = file.getURI().toString().substring(base.length());
                if (path.equals(PATH.substring(1)) || path.equals(PATH)) {
                    continue;
                }
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.newInputStream()) {
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

    private static void collect(Resource folder, List<Resource> out) {
        for (Resource child : folder.list()) {
            if (child.isDirectory()) {
                collect(child, out);
            } else {
                out.add(child);
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

package org.vaultsync.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Where the built web app (index.html, compiled client, CSS, icons) is read from. */
public final class WebAppAssets {
    private static final String CLASSPATH_FOLDER = "webapp";

    private final String description;
    private final Function<ResourceFactory, Resource> locator;

    private WebAppAssets(String description, Function<ResourceFactory, Resource> locator) {
        this.description = description;
        this.locator = locator;
    }

    /** The copy packaged with the server: Maven puts {@code webapp/} and the TeaVM output into the classpath. */
    public static WebAppAssets fromClasspath() {
        if (WebAppAssets.class.getClassLoader().getResource(CLASSPATH_FOLDER + "/index.html") == null) {
            throw new IllegalStateException("The web app is not on the classpath: build it first with 'mvn package'");
        }
        return new WebAppAssets("classpath:" + CLASSPATH_FOLDER,
                factory -> factory.newClassLoaderResource(CLASSPATH_FOLDER, false));
    }

    public static WebAppAssets fromDirectory(Path directory) {
        if (!Files.isRegularFile(directory.resolve("index.html"))) {
            throw new IllegalStateException("No index.html in " + directory.toAbsolutePath());
        }
        return new WebAppAssets(directory.toString(), factory -> factory.newResource(directory));
    }

    Resource resolve(ResourceFactory factory) {
        return locator.apply(factory);
    }

    @Override
    public String toString() {
        return description;
    }
}

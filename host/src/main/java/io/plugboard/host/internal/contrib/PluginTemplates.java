package io.plugboard.host.internal.contrib;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.io.URLTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders Handlebars templates from the plugins' own jars: one engine per running plugin, reading only
 * that plugin's jar (never the host's or another plugin's templates), dropped with its cache when the
 * plugin stops so no template or class loader of it is kept. Values are HTML-escaped.
 */
public final class PluginTemplates {

    private final Map<String, Handlebars> engines = new ConcurrentHashMap<>();
    private final Map<String, JarTemplates> files = new ConcurrentHashMap<>();

    void open(String pluginId, ClassLoader loader) {
        JarTemplates own = new JarTemplates(loader);
        Handlebars engine = new Handlebars(own).with(new ConcurrentMapTemplateCache());
        engine.registerHelpers(ConditionalHelpers.class);
        files.put(pluginId, own);
        engines.put(pluginId, engine);
    }

    void close(String pluginId) {
        engines.remove(pluginId);
        files.remove(pluginId);
    }

    /**
     * Checks, when a page is added, that its template is where {@link #render} will look, so a wrong
     * path fails the plugin's start instead of every request to the page.
     *
     * @throws IllegalArgumentException naming the path and where it was looked for, if it is not there
     */
    void requireExists(String pluginId, String page, String path) {
        JarTemplates own = files.get(pluginId);
        if (own == null) {
            throw new IllegalStateException("plugin '" + pluginId + "' is not running");
        }
        if (own.find(path) == null) {
            throw new IllegalArgumentException("the template '" + path + "' of the page '" + page
                    + "' is not in the plugin: looked for '" + own.resolve(path).substring(1)
                    + "' in its own jar or classes directory (" + own.searched() + "); give the path from the "
                    + "root of the jar, e.g. templates/" + page + ".hbs for src/main/resources/templates/" + page
                    + ".hbs");
        }
    }

    /**
     * @param path the template's path in the plugin's jar
     * @throws IllegalStateException if the plugin is not running or the template is missing or broken
     */
    public String render(String pluginId, String path, Map<String, Object> model) {
        Handlebars engine = engines.get(pluginId);
        if (engine == null) {
            throw new IllegalStateException("plugin '" + pluginId + "' is not running");
        }
        Context context = Context.newBuilder(model).resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE)
                .build();
        try {
            return engine.compile(path).apply(context);
        } catch (IOException e) {
            throw new UncheckedIOException("plugin '" + pluginId + "' has no template " + path, e);
        } finally {
            context.destroy();
        }
    }

    /** Template paths are full paths in the jar: no prefix, no suffix added. */
    private static final class JarTemplates extends URLTemplateLoader {
        private final ClassLoader loader;

        JarTemplates(ClassLoader loader) {
            this.loader = loader;
            setPrefix("/");
            setSuffix("");
        }

        /** @return the template at a path as {@link #render} reads it, or null */
        URL find(String path) {
            return getResource(resolve(path));
        }

        /** @return where templates are looked for: the plugin's own jar or classes directory */
        String searched() {
            if (!(loader instanceof URLClassLoader own) || own.getURLs().length == 0) {
                return "its class loader";
            }
            return Arrays.stream(own.getURLs()).map(URL::getPath).collect(Collectors.joining(", "));
        }

        @Override
        protected URL getResource(String location) {
            String path = location.startsWith("/") ? location.substring(1) : location;
            // findResource looks in the plugin's own jar only; getResource would fall back to the host's.
            return loader instanceof URLClassLoader own ? own.findResource(path) : loader.getResource(path);
        }
    }
}

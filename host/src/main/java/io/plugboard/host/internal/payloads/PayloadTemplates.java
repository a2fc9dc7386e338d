package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.helper.IfHelper;
import com.github.jknack.handlebars.helper.UnlessHelper;
import com.github.jknack.handlebars.helper.WithHelper;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The Handlebars engine for payload templates, sandboxed: values are read from maps and lists only
 * (no reflection on Java objects), no partials are loaded from anywhere, the helpers that touch
 * resources or the log are replaced by ones that refuse, and {@code {{x}}} is escaped as JSON string
 * content. Helpers: {@code json} (a JSON value), {@code secret} (a named secret's value). Each render
 * runs on a {@link TemplateBudget}: it stops itself, with a {@link TemplateProblem} saying which limit it
 * hit, once it runs too long or writes too much (see {@link RenderBudget}).
 */
public final class PayloadTemplates {

    public static final int MAX_TEMPLATE_LENGTH = 64 * 1024;
    static final String SECRETS = "plugboard.secrets";
    private static final List<String> REFUSED_HELPERS =
            List.of("log", "i18n", "i18nJs", "precompile", "embedded", "partial", "block");

    private final Handlebars handlebars;
    private final TemplateBudget budget;

    public PayloadTemplates(ObjectMapper mapper, TemplateBudget budget) {
        this.budget = budget;
        this.handlebars = new Handlebars(new NoPartials()).with(JsonText.STRING_CONTENT).infiniteLoops(false);
        handlebars.registerHelper("json", (Object value, com.github.jknack.handlebars.Options o) -> {
            RenderBudget b = o.data(RenderBudget.KEY);
            b.checkTime();
            String json = JsonText.value(mapper, value);
            b.checkSize(json.length());
            return new Handlebars.SafeString(json);
        });
        handlebars.registerHelper("each", new BudgetedEach());
        // Blocks render their body into memory before it reaches the writer: check each one's size.
        handlebars.registerHelper("if", sized(IfHelper.INSTANCE));
        handlebars.registerHelper("unless", sized(UnlessHelper.INSTANCE));
        handlebars.registerHelper("with", sized(WithHelper.INSTANCE));
        handlebars.registerHelper("secret", (Object name, com.github.jknack.handlebars.Options o) -> {
            NamedSecretLookup secrets = o.data(SECRETS);
            String key = String.valueOf(name);
            return secrets.value(key).orElseThrow(() -> new TemplateProblem("unknown secret " + key
                    + " (add it under Settings → Secrets)"));
        });
        Helper<Object> refused = (context, options) -> {
            throw new TemplateProblem("the helper '" + options.helperName + "' is not available in payload templates");
        };
        REFUSED_HELPERS.forEach(name -> handlebars.registerHelper(name, refused));
    }

    /** @throws TemplateProblem with the line, column and reason when the template does not compile */
    public Template compile(String text) {
        try {
            return handlebars.compileInline(text);
        } catch (HandlebarsException e) {
            throw problem(e);
        } catch (IOException e) {
            throw new TemplateProblem("the template cannot be read: " + e.getMessage());
        }
    }

    /** @throws TemplateProblem when rendering fails, e.g. on an unknown secret or helper */
    public String render(Template template, Map<String, Object> model, NamedSecretLookup secrets) {
        RenderBudget limits = new RenderBudget(budget);
        Context context = Context.newBuilder(model).resolver(new BudgetedResolver(limits)).build();
        context.data(SECRETS, secrets);
        context.data(RenderBudget.KEY, limits);
        StringBuilder out = new StringBuilder();
        try {
            template.apply(context, new BudgetWriter(out, limits));
            return out.toString();
        } catch (IOException | RuntimeException e) {
            // However deeply Handlebars wrapped it, a render over budget fails with the budget's message.
            throw limits.exceeded() != null ? limits.exceeded() : failure(e);
        } finally {
            context.destroy();
        }
    }

    /** @return the problem to report; another unexpected exception is thrown as it is */
    private static TemplateProblem failure(Exception e) {
        if (e instanceof TemplateProblem p) {
            return p;
        }
        if (e instanceof HandlebarsException h) {
            return h.getCause() instanceof TemplateProblem p ? p : problem(h);
        }
        if (e instanceof IOException) {
            return new TemplateProblem("the template cannot be rendered: " + e.getMessage());
        }
        throw (RuntimeException) e;
    }

    /** @return the helper, failing the render when the block it renders is over the output limit */
    private static Helper<Object> sized(Helper<Object> block) {
        return (context, options) -> {
            RenderBudget b = options.data(RenderBudget.KEY);
            b.checkTime();
            Object out = block.apply(context, options);
            if (out instanceof CharSequence text) {
                b.checkSize(text.length());
            }
            return out;
        };
    }

    private static TemplateProblem problem(HandlebarsException e) {
        HandlebarsError error = e.getError();
        if (error == null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause instanceof TemplateProblem p ? p : new TemplateProblem(String.valueOf(cause.getMessage()));
        }
        return new TemplateProblem("line " + error.line + ", column " + error.column + ": " + error.reason);
    }

    /** Payload templates have no partials: every lookup fails, so nothing is read from disk or classpath. */
    private static final class NoPartials extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            throw new FileNotFoundException("partials are not available in payload templates: " + location);
        }
    }
}

package io.plugboard.host.internal.payloads;

import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.helper.EachHelper;
import java.io.IOException;

/**
 * Handlebars' {@code each} (also behind {@code {{#list}}…{{/list}}} sections) on a budget: every turn
 * checks the deadline, and the loop's output is counted as it grows. Handlebars renders a loop nested
 * in another block into a string in memory, which the render's own writer sees only when the outer
 * block is done; counting here keeps every such string within the output limit, so memory stays bounded.
 */
final class BudgetedEach implements Helper<Object> {

    @Override
    public Object apply(Object items, Options options) throws IOException {
        RenderBudget budget = options.data(RenderBudget.KEY);
        budget.checkTime();
        Options.Buffer out = options.buffer();
        Options counted = new Options(options.handlebars, options.helperName, options.tagType, options.context,
                options.fn, options.inverse, options.params, options.hash, options.blockParams,
                new BudgetWriter(out, budget));
        Object result = EachHelper.INSTANCE.apply(CheckedItems.of(items, budget), counted);
        // The loop wrote into our buffer through the counting writer; anything else is the {{else}} part.
        return result instanceof Options.Buffer ? out : result;
    }
}

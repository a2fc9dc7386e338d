package io.plugboard.host.internal.payloads;

import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import java.util.Map;
import java.util.Set;

/**
 * Reads template values from maps only (no reflection on Java objects), checking the render's
 * deadline on every lookup; an object's entries, when a template loops over it, check it at every turn.
 */
final class BudgetedResolver implements ValueResolver {

    private final RenderBudget budget;

    BudgetedResolver(RenderBudget budget) {
        this.budget = budget;
    }

    @Override
    public Object resolve(Object context, String name) {
        budget.checkTime();
        return MapValueResolver.INSTANCE.resolve(context, name);
    }

    @Override
    public Object resolve(Object context) {
        budget.checkTime();
        return MapValueResolver.INSTANCE.resolve(context);
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
        budget.checkTime();
        return CheckedItems.entries(MapValueResolver.INSTANCE.propertySet(context), budget);
    }
}

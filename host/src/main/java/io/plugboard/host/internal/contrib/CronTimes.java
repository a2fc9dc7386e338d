package io.plugboard.host.internal.contrib;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The run times of a plugin's cron task: a Quartz expression (seconds first, {@code ?} in one day field, optional
 * year) read in a zone, parsed and checked once by cron-utils. The one place that knows the dialect.
 */
final class CronTimes {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronTimes(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * @param taskName the task's name, for the message
     * @throws IllegalArgumentException naming the task and what is wrong with the expression
     */
    static CronTimes parse(String taskName, String expression, ZoneId zone, Instant now) {
        if (zone == null) {
            throw new IllegalArgumentException("task '" + taskName + "': the zone of a cron expression is required");
        }
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("task '" + taskName + "': a cron expression is required");
        }
        Cron cron;
        try {
            cron = QUARTZ.parse(expression.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task '" + taskName + "': '" + expression + "' is not a Quartz cron "
                    + "expression (second minute hour day-of-month month day-of-week [year]): " + e.getMessage(), e);
        }
        CronTimes parsed = new CronTimes(expression, zone, ExecutionTime.forCron(cron));
        if (parsed.nextAfter(now).isEmpty()) {
            throw new IllegalArgumentException("task '" + taskName + "': '" + expression + "' has no time after " + now);
        }
        return parsed;
    }

    /** @return the first time strictly after {@code after}, or empty when the expression has no more times */
    Optional<Instant> nextAfter(Instant after) {
        return times.nextExecution(after.atZone(zone)).map(t -> t.toInstant());
    }

    @Override
    public String toString() {
        return "'" + expression + "' (" + zone + ")";
    }
}

package designbench.cap.history;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something the orchestrator did or saw, as a line of {@code <system>-events.jsonl}: {@code system} (first:
 * the store's name and version, in {@code detail}), {@code partition} (the
 * member in {@code isolated} cut off from the other two), {@code heal}, {@code converged} (every member answered
 * the same value for the convergence key, written on both sides during the partition; {@code detail} says after
 * how many polls) or {@code not-converged} (they still differed when the wait ended). Times as in {@link Op}.
 *
 * @param event     the kind, as above
 * @param partition the partition it belongs to, numbered from 1
 * @param isolated  the network namespace cut off (partition events)
 * @param time      when it happened: for {@code converged}, the poll at which agreement was first seen
 * @param detail    free text for a reader
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String event, int partition, String isolated, long time, String detail) {
    public static final String SYSTEM = "system";
    public static final String PARTITION = "partition";
    public static final String HEAL = "heal";
    public static final String CONVERGED = "converged";
    public static final String NOT_CONVERGED = "not-converged";
}

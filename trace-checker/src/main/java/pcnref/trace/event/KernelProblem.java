package pcnref.trace.event;

/**
 * A generic kernel report line (debug-lines.md §2.3): "kernel BUG at file:line!", "WARNING: CPU: ... at file:line",
 * "BUG: ...", "Oops", "Kernel panic".
 *
 * @param file source file when the line names one
 * @param line source line when the line names one
 */
public record KernelProblem(Source source, Integer node, long timeNs, Clock clock, String what, String file,
                            Integer line, String text) implements TraceEvent {
}

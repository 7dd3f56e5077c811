package pcnref.trace.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import pcnref.trace.event.HexLong;

/**
 * What {@code ./pcn explain RUN_DIR} found in one recording: files read, actors, the fault history of the
 * relevant pages, the state at the end of the recording, and a verdict with evidence. Serialised as one JSON
 * document (schema: docs/explain.schema.json).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(String run, List<Integer> nodes, int origin, String originBasis, List<FileRead> files,
                          List<String> problems, Program program, List<Actor> actors, List<PageHistory> pages,
                          EndState endState, Verdict verdict) {

    /**
     * One input file.
     *
     * @param kind         dmesg, console (used as dmesg), ftrace, pcap, hang, program
     * @param present      false: expected for this node but missing
     * @param events       events read (lines/messages that became events)
     * @param unrecognised lines (or capture errors) not understood
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileRead(Integer node, String kind, String file, boolean present, Long events, Long unrecognised) {
    }

    /** program.out.txt: the exit status line ("# exit status: N"), null when absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Program(String file, Integer exitStatus, String exitText) {
    }

    /**
     * A task that takes part: role(s) from the process server's lines, its page-fault activity and how it ended.
     *
     * @param peer the same thread on the other node ("[pid/nid]"), when the logs pair them
     * @param end  "exited (cite)", "blocked: class (cite)", "holds/sleeps ..." or "no end in the logs"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(int node, int pid, List<String> roles, String peer, long faults, long served, String first,
                        String end) {
    }

    /** One line of a page's history: a log line mapped to model step(s). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fact(int node, Integer pid, String cite, String event, List<String> model, Integer fhIdx,
                       String fhRow, String note) {
    }

    /** The history of one page at every node, each node in its own log order (node clocks are not aligned). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageHistory(@JsonSerialize(using = HexLong.class) long page, String why, List<Fact> facts,
                              long omitted) {
    }

    /** A fault handle still hashed at the end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenHandle(int node, @JsonSerialize(using = HexLong.class) long page, String flags, String leader,
                             List<String> holders, List<Sleeper> sleepers, String since) {
    }

    /** A context asleep at the end: on which queue of which handle. */
    public record Sleeper(int node, int pid, @JsonSerialize(using = HexLong.class) long page, String queue,
                          String context, String cite) {
    }

    /** A context that began and did not finish. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenContext(int node, int pid, String kind, @JsonSerialize(using = HexLong.class) long page,
                              String began, String state) {
    }

    /** A request on the wire that never got its response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageWait(String type, int from, int to, int pid, @JsonSerialize(using = HexLong.class) Long addr,
                              String detail, String cite) {
    }

    /**
     * RETRY (VM_FAULT_RETRY 0x400) answers to one requester for one page.
     *
     * @param wireRetries      REMOTE_PAGE_RESPONSE_SHORT result 0x400 in the capture
     * @param wireRequests     REMOTE_PAGE_REQUESTs of that requester for that page in the capture
     * @param afterPin         of wireRetries, those after the pin's flags-0 request (null: no pin on the wire)
     * @param serverLogRetries "->[pid/nid] 400" lines of the serving node
     * @param requesterLogRetries "<-[pid/nid] addr 400" lines of the requester's node
     * @param ftraceRetries    pgfault events with result 1024 at the serving node for that requester
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RetryStorm(int node, int pid, @JsonSerialize(using = HexLong.class) long page, long wireRetries,
                             long wireRequests, Long afterPin, long serverLogRetries, long requesterLogRetries,
                             long ftraceRetries) {
    }

    public record EndState(List<OpenHandle> handles, List<Sleeper> sleepers, List<OpenContext> openContexts,
                           List<MessageWait> messageWaits, List<RetryStorm> retryStorms,
                           List<HangStacks.BlockedTask> blockedTasks) {
    }

    /** The model configuration whose counterexample matches, with what the manifest says of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRef(String config, String command, String violated, Long depth) {
    }

    /**
     * @param kind    completed | hang-fp1 | hang-other | incomplete
     * @param title   "completed", "hang: FP1 futex-pin self-wait", "hang: other", "incomplete recording"
     * @param variant for FP1: origin, forwarded, readcopy (pin not on the wire: the page was the origin's)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verdict(String kind, String title, String variant, String summary, List<String> evidence,
                          ModelRef model) {
    }
}

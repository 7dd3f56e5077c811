package pcnref.trace.event;

/** A message seen from the node that logged or captured it. */
public enum Direction {
    SENT, RECEIVED
}

---------------------------- MODULE MCToy ----------------------------
EXTENDS Toy
CONSTANTS n1, n2
MCNodes == {n1, n2}
\* Bounds the toy's state space: at most 3 log entries.
MCConstraint == Cardinality(log) <= 3
=============================================================================

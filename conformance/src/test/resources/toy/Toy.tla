---------------------------- MODULE Toy ----------------------------
(* A toy two-node token protocol, used only to test the conformance machinery  *)
(* (TLC state-space enumeration, canonical values, labels) independently of   *)
(* the page protocol. It exercises records, functions over model values,      *)
(* sequences, sets, strings and booleans.                                      *)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS Nodes, MaxCount

VARIABLES holder, count, chan, log

vars == <<holder, count, chan, log>>

Init ==
    /\ holder \in Nodes
    /\ count = [n \in Nodes |-> 0]
    /\ chan = <<>>
    /\ log = {}

\* The holder hands the token to another node by a message.
Send(from, to) ==
    /\ holder = from
    /\ from # to
    /\ Len(chan) < 1
    /\ count[from] < MaxCount
    /\ holder' = "none"
    /\ chan' = Append(chan, [src |-> from, dst |-> to, kind |-> "token"])
    /\ count' = [count EXCEPT ![from] = @ + 1]
    /\ UNCHANGED log

\* The destination takes the token off the channel.
Receive(n) ==
    /\ chan # <<>>
    /\ Head(chan).dst = n
    /\ holder' = n
    /\ chan' = Tail(chan)
    /\ log' = log \cup {<<Head(chan).src, n>>}
    /\ UNCHANGED count

\* Either of two ways to reset, to check that split disjuncts share a label.
Reset ==
    \/ /\ holder # "none"
       /\ \E n \in Nodes : count[n] > 0
       /\ count' = [n \in Nodes |-> 0]
       /\ UNCHANGED <<holder, chan, log>>
    \/ /\ log # {}
       /\ log' = {}
       /\ UNCHANGED <<holder, chan, count>>

\* Forget one hand-over of the log.
Forget(e) ==
    /\ log' = log \ {e}
    /\ UNCHANGED <<holder, chan, count>>

Next ==
    \/ \E f, t \in Nodes : Send(f, t)
    \/ \E n \in Nodes : Receive(n)
    \/ Reset
    \* A bound that depends on the state: TLC cannot split this disjunct when it
    \* loads the spec; the conformance checker splits it per state.
    \/ \E e \in log : Forget(e)

Spec == Init /\ [][Next]_vars
=============================================================================

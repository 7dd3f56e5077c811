--------------------------- MODULE FutexPinMini ---------------------------
(***************************************************************************)
(* Reduced, standalone model of the Popcorn futex pin (docs/futex-pin-model.md), used only to check *)
(* that note's claims: one page, origin 0 and remote 1, one origin futex waiter m, one remote user *)
(* thread r, optionally a second origin thread o making read faults (WithReader), and the kernel   *)
(* contexts their requests create (origin worker w, remote worker v,                               *)
(* remote invalidation worker i). Not the project's page spec: no data values, no zap/madvise, no  *)
(* mmap_sem trylock failures; the fh_action table is verbatim (page-protocol.md §5.3).              *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS Mode,     \* "AsBuilt" | "NoHold" | "PinAfterKey" | "WritePin"
          Shared,   \* TRUE: FUTEX_WAIT without FUTEX_PRIVATE_FLAG
          RKinds,   \* accesses the remote thread may make: subset of {FALSE (read), TRUE (write)}
          WithReader \* TRUE: a second origin thread o makes user read faults on the page

NoFh == [none |-> TRUE]
None == "none"

\* fh_action_table (kernel/popcorn/fh_action.c), index = at_remote*32 + flags*4 + write*2 + remote.
Table == <<16,35,33,32, 16,32,16,32, 0,0,0,0, 0,0,0,0, 16,35,33,33, 33,32,33,32, 0,0,0,0, 0,0,0,0,
           16,0,33,0, 16,39,16,39, 52,0,37,0, 52,0,52,0, 0,0,33,0, 33,0,33,0, 0,0,0,0, 0,0,0,0>>
Bit(x, b) == (x \div b) % 2 = 1           \* FH_ACTION_WAIT 1, FOLLOW 16, RETRY 32
Idx(n, f, w, rf) == n * 32 + ((IF f.kind = "R" THEN 4 ELSE 0) + (IF f.inv THEN 2 ELSE 0)
                              + (IF f.write THEN 1 ELSE 0)) * 4 + (IF w THEN 2 ELSE 0) + (IF rf THEN 1 ELSE 0)

VARIABLES pte, owners, dist, view1,        \* PTEs, origin directory, remote's own bit
          fh,                              \* fault handles: holders are <<actor, use>> tokens
          c01, c10,                        \* FIFO channels origin->remote, remote->origin
          pcM, mf, pinW, wsM,              \* futex waiter m at the origin
          pcR, rw, rResp,                  \* remote user thread r
          pcW, wReq, wRes,                 \* origin worker serving r
          pcV, vW,                         \* remote worker serving m's claim
          pcI,                             \* remote invalidation worker
          pcO,                             \* origin reader thread o
          bug                              \* set of BUG_ONs hit
vars == <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, pcO, bug>>

NewFh(tok, remote, w) == [kind |-> IF remote THEN "R" ELSE "L", write |-> w, inv |-> FALSE,
                          holders |-> {tok}, asleep |-> {}, retryW |-> {}]
\* __start_fault_handling's decision for an existing handle
Decide(n, w, rf) == LET a == Table[Idx(n, fh[n], w, rf) + 1] IN
                      IF a = 0 THEN "invalid"
                      ELSE IF Bit(a, 32) THEN (IF Bit(a, 1) THEN "waitretry" ELSE "retry")
                      ELSE "follow"
\* __finish_fault_handling: last holder unhashes (or hands over to a pending invalidation)
Finish(n, tok) == LET f == fh[n] IN LET h2 == f.holders \ {tok} IN
                    IF h2 # {} THEN [f EXCEPT !.holders = h2, !.asleep = {}]   \* wake_up_all(waits)
                    ELSE IF f.inv THEN [f EXCEPT !.holders = {}, !.asleep = {}]
                    ELSE NoFh                                                \* waits_retry woken
Mine == ~dist \/ 0 \in owners
Holds(n, a) == fh[n] # NoFh /\ \E t \in fh[n].holders : t[1] = a
Waiting(n, a) == fh[n] # NoFh /\ a \in fh[n].retryW
Asleep(n, a) == fh[n] # NoFh /\ \E t \in fh[n].asleep : t[1] = a

Init == /\ pte = [n \in {0, 1} |-> IF n = 0 THEN "RW" ELSE "NONE"]   \* main touched the page first
        /\ owners = {} /\ dist = FALSE /\ view1 = FALSE
        /\ fh = [n \in {0, 1} |-> NoFh]
        /\ c01 = <<>> /\ c10 = <<>>
        /\ pcM = "idle" /\ mf = [w |-> FALSE, back |-> "key"] /\ pinW = FALSE /\ wsM = 0
        /\ pcR = "idle" /\ rw = FALSE /\ rResp = None
        /\ pcW = "none" /\ wReq = FALSE /\ wRes = "DATA"
        /\ pcV = "none" /\ vW = FALSE /\ pcI = "none" /\ pcO = "idle"
        /\ bug = {}

AfterPin == CASE Mode = "NoHold" -> "unpinEarly" [] Mode = "PinAfterKey" -> "value" [] OTHER -> "key"
AfterKey == IF Mode = "PinAfterKey" THEN "pin" ELSE "value"
AfterValue == IF Mode = "NoHold" THEN "done" ELSE "unpin"

(* ---------------- m: futex_wait at the origin ---------------- *)
FutexWaitStart ==
                  /\ pcM = "idle" /\ pcM' = (IF Mode = "PinAfterKey" THEN "key" ELSE "pin")
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>

\* page_server_get_userpage (kernel/popcorn/page_server.c)
FutexPin ==
  /\ pcM = "pin"
  /\ LET w == Mode = "WritePin" /\ Shared
         tok == <<"m", "pin">> IN
     /\ pinW' = w
     /\ IF fh[0] = NoFh
        THEN /\ fh' = [fh EXCEPT ![0] = NewFh(tok, FALSE, w)]
             /\ UNCHANGED bug
             /\ CASE ~Mine -> /\ c01' = Append(c01, [t |-> "REQ", w |-> w]) /\ wsM' = 1 /\ pcM' = "pinClaim"
                              /\ UNCHANGED <<pte, owners>>
                  [] w /\ 1 \in owners -> /\ c01' = Append(c01, [t |-> "INV"]) /\ owners' = owners \ {1}
                              /\ wsM' = 1 /\ pcM' = "pinClaim" /\ UNCHANGED pte
                  [] w -> /\ pte' = [pte EXCEPT ![0] = "RW"] /\ pcM' = AfterPin /\ UNCHANGED <<c01, wsM, owners>>
                  [] OTHER -> /\ pcM' = AfterPin /\ UNCHANGED <<c01, wsM, pte, owners>>
        ELSE LET d == Decide(0, w, FALSE) IN
             /\ CASE d = "follow" -> /\ fh' = [fh EXCEPT ![0].holders = @ \cup {tok}, ![0].asleep = @ \cup {tok}]
                                     /\ pcM' = "pinFollow"
                  [] d = "waitretry" -> fh' = [fh EXCEPT ![0].retryW = @ \cup {"m"}] /\ pcM' = "pinWaitRetry"
                  [] OTHER -> UNCHANGED <<fh, pcM>>
             /\ bug' = IF d = "invalid" THEN bug \cup {"m:invalid"} ELSE bug
             /\ UNCHANGED <<c01, wsM, pte, owners>>
  /\ UNCHANGED <<dist, view1, c10, mf, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, pcO>>

FutexPinFollowerWake ==
                  /\ pcM = "pinFollow" /\ ~Asleep(0, "m") /\ pcM' = AfterPin
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
FutexPinRetry ==
                  /\ pcM = "pinWaitRetry" /\ ~Waiting(0, "m") /\ pcM' = "pin"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
\* __claim_remote_page / __claim_local_page wait end + __make_pte_valid
FutexPinClaimDone ==
                  /\ pcM = "pinClaim" /\ wsM = 0
                  /\ pte' = [pte EXCEPT ![0] = IF pinW THEN "RW" ELSE "RO"]
                  /\ owners' = (IF pinW THEN {0} ELSE owners \cup {0}) /\ dist' = TRUE
                  /\ pcM' = AfterPin
                  /\ UNCHANGED <<view1, fh, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
FutexUnpinEarly ==
                  /\ pcM = "unpinEarly" /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"m", "pin">>)] /\ pcM' = "key"
                  /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
\* get_futex_key: gup(FOLL_WRITE) only for a shared key; the fast path needs a writable PTE
FutexGetKey ==
                  /\ pcM = "key"
                  /\ IF Shared /\ pte[0] # "RW"
                     THEN pcM' = "fault" /\ mf' = [w |-> TRUE, back |-> "key"]
                     ELSE pcM' = AfterKey /\ UNCHANGED mf
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
\* get_futex_value_locked (no fault), else get_user (a read fault)
FutexReadValue ==
                  /\ pcM = "value"
                  /\ IF pte[0] \in {"RO", "RW"}
                     THEN pcM' = AfterValue /\ UNCHANGED mf
                     ELSE pcM' = "fault" /\ mf' = [w |-> FALSE, back |-> "value"]
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
\* page_server_put_userpage
FutexUnpin ==
                  /\ pcM = "unpin" /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"m", "pin">>)] /\ pcM' = "done"
                  /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>

(* m's kernel-mode fault: __handle_localfault_at_origin *)
MFault ==
  /\ pcM = "fault"
  /\ LET tok == <<"m", "fault">> IN
     IF pte[0] = "NONE" \/ ~dist                       \* fresh at origin / local only: VM_FAULT_CONTINUE
     THEN /\ pte' = [pte EXCEPT ![0] = IF mf.w THEN "RW" ELSE IF pte[0] = "NONE" THEN "RO" ELSE pte[0]]
          /\ pcM' = mf.back /\ UNCHANGED <<fh, c01, owners, wsM, bug>>
     ELSE IF fh[0] = NoFh                              \* leader
     THEN CASE Mine /\ ~mf.w -> pcM' = mf.back /\ UNCHANGED <<fh, pte, c01, owners, wsM, bug>>   \* racy exit
            [] Mine /\ 1 \notin owners -> /\ pte' = [pte EXCEPT ![0] = "RW"] /\ pcM' = mf.back
                                          /\ UNCHANGED <<fh, c01, owners, wsM, bug>>
            [] Mine -> /\ fh' = [fh EXCEPT ![0] = NewFh(tok, FALSE, TRUE)]   \* __claim_local_page
                       /\ c01' = Append(c01, [t |-> "INV"]) /\ owners' = owners \ {1} /\ wsM' = 1
                       /\ pcM' = "faultClaim" /\ UNCHANGED <<pte, bug>>
            [] OTHER -> /\ fh' = [fh EXCEPT ![0] = NewFh(tok, FALSE, mf.w)]  \* __claim_remote_page
                        /\ c01' = Append(c01, [t |-> "REQ", w |-> mf.w]) /\ wsM' = 1
                        /\ pcM' = "faultClaim" /\ UNCHANGED <<pte, owners, bug>>
     ELSE LET d == Decide(0, mf.w, FALSE) IN
          /\ CASE d = "follow" -> /\ fh' = [fh EXCEPT ![0].holders = @ \cup {tok}, ![0].asleep = @ \cup {tok}]
                                  /\ pcM' = "faultFollow"
               [] d = "waitretry" -> fh' = [fh EXCEPT ![0].retryW = @ \cup {"m"}] /\ pcM' = "faultWaitRetry"
               [] d = "retry" -> pcM' = mf.back /\ UNCHANGED fh
               [] OTHER -> UNCHANGED <<fh, pcM>>
          /\ bug' = IF d = "invalid" THEN bug \cup {"m:invalid"} ELSE bug
          /\ UNCHANGED <<pte, c01, owners, wsM>>
  /\ UNCHANGED <<dist, view1, c10, mf, pinW, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, pcO>>
MFaultClaimDone ==
                  /\ pcM = "faultClaim" /\ wsM = 0
                  /\ pte' = [pte EXCEPT ![0] = IF mf.w THEN "RW" ELSE "RO"]
                  /\ owners' = (IF mf.w THEN {0} ELSE owners \cup {0}) /\ dist' = TRUE
                  /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"m", "fault">>)] /\ pcM' = mf.back
                  /\ UNCHANGED <<view1, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
MFaultFollowerWake ==
                  /\ pcM = "faultFollow" /\ ~Asleep(0, "m")
                  /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"m", "fault">>)] /\ pcM' = mf.back
                  /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
MFaultRetry ==
                  /\ pcM = "faultWaitRetry" /\ ~Waiting(0, "m") /\ pcM' = mf.back   \* VM_FAULT_RETRY: gup / get_user retries
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>

(* ---------------- r: user thread at the remote ---------------- *)
Permits(p, w) == IF w THEN p = "RW" ELSE p \in {"RO", "RW"}
RAccess(w) ==
                  /\ pcR = "idle" /\ ~Permits(pte[1], w) /\ rw' = w /\ pcR' = "start"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
\* __handle_localfault_at_remote up to the request
RStart ==
  /\ pcR = "start"
  /\ IF fh[1] = NoFh
     THEN fh' = [fh EXCEPT ![1] = NewFh(<<"r", "fault">>, FALSE, rw)] /\ c10' = Append(c10, [t |-> "REQ", w |-> rw])
          /\ pcR' = "wait" /\ UNCHANGED bug
     ELSE LET d == Decide(1, rw, FALSE) IN
          /\ CASE d = "waitretry" -> fh' = [fh EXCEPT ![1].retryW = @ \cup {"r"}] /\ pcR' = "waitRetry"
               [] d = "follow" -> fh' = [fh EXCEPT ![1].holders = @ \cup {<<"r", "fault">>}] /\ pcR' = "idle"
               [] OTHER -> pcR' = "idle" /\ UNCHANGED fh
          /\ bug' = IF d = "invalid" \/ d = "follow" THEN bug \cup {"r:" \o d} ELSE bug
          /\ UNCHANGED c10
  /\ UNCHANGED <<pte, owners, dist, view1, c01, pcM, mf, pinW, wsM, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, pcO>>
RRetryWake ==
                  /\ pcR = "waitRetry" /\ ~Waiting(1, "r") /\ pcR' = "idle"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>
RComplete ==
                  /\ pcR = "wait" /\ rResp # None
                  /\ IF rResp = "RETRY" THEN UNCHANGED <<pte, view1>>
                     ELSE pte' = [pte EXCEPT ![1] = IF rw THEN "RW" ELSE "RO"] /\ view1' = TRUE
                  /\ fh' = [fh EXCEPT ![1] = Finish(1, <<"r", "fault">>)] /\ rResp' = None /\ pcR' = "idle"
                  /\ UNCHANGED <<owners, dist, c01, c10, pcM, mf, pinW, wsM, rw, pcW, wReq, wRes, pcV, vW, pcI, bug, pcO>>

(* ---------------- w: origin worker, __handle_remotefault_at_origin ---------------- *)
WStart ==
  /\ pcW = "start"
  /\ IF fh[0] = NoFh
     THEN fh' = [fh EXCEPT ![0] = NewFh(<<"w", "fault">>, TRUE, wReq)] /\ pcW' = "update" /\ UNCHANGED <<wRes, bug>>
     ELSE LET d == Decide(0, wReq, TRUE) IN
          /\ CASE d = "waitretry" -> fh' = [fh EXCEPT ![0].retryW = @ \cup {"w"}] /\ pcW' = "waitRetry" /\ UNCHANGED wRes
               [] OTHER -> pcW' = "post" /\ wRes' = "RETRY" /\ UNCHANGED fh
          /\ bug' = IF d \in {"invalid", "follow"} THEN bug \cup {"w:" \o d} ELSE bug
  /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, wReq, pcV, vW, pcI, pcO>>
WRetryWake ==
                  /\ pcW = "waitRetry" /\ ~Waiting(0, "w") /\ pcW' = "post" /\ wRes' = "RETRY"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, wReq, pcV, vW, pcI, bug, pcO>>
\* leader decision + directory/PTE update; with two nodes no claim message is ever needed here
WUpdate ==
  /\ pcW = "update"
  /\ bug' = bug \cup (IF dist /\ 1 \in owners /\ ~wReq THEN {"read fault from owner"} ELSE {})
             \cup (IF dist /\ 0 \notin owners /\ 1 \notin owners THEN {"peers == 0"} ELSE {})
  /\ wRes' = IF dist /\ 1 \in owners THEN "CONTINUE" ELSE "DATA"
  /\ dist' = TRUE
  /\ owners' = IF wReq THEN {1} ELSE owners \cup {0, 1}
  /\ pte' = [pte EXCEPT ![0] = IF wReq THEN "INV" ELSE "RO"]
  /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"w", "fault">>)]
  /\ pcW' = "post"
  /\ UNCHANGED <<view1, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, wReq, pcV, vW, pcI, pcO>>
WPost ==
                  /\ pcW = "post" /\ c01' = Append(c01, [t |-> "RESP", res |-> wRes]) /\ pcW' = "none"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, wReq, wRes, pcV, vW, pcI, bug, pcO>>

(* ---------------- v: remote worker, __handle_remotefault_at_remote ---------------- *)
VStart ==
  /\ pcV = "start"
  /\ IF fh[1] = NoFh
     THEN fh' = [fh EXCEPT ![1] = NewFh(<<"v", "fault">>, TRUE, vW)] /\ pcV' = "update" /\ UNCHANGED bug
     ELSE LET d == Decide(1, vW, TRUE) IN          \* NULL -> VM_FAULT_LOCKED: restart the request
          /\ CASE d = "waitretry" -> fh' = [fh EXCEPT ![1].retryW = @ \cup {"v"}] /\ pcV' = "waitRetry"
               [] OTHER -> UNCHANGED <<fh, pcV>>
          /\ bug' = IF d \in {"invalid", "follow"} THEN bug \cup {"v:" \o d} ELSE bug
  /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, vW, pcI, pcO>>
VRetryWake ==
                  /\ pcV = "waitRetry" /\ ~Waiting(1, "v") /\ pcV' = "start"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, vW, pcI, bug, pcO>>
VUpdate ==
                  /\ pcV = "update"
                  /\ bug' = bug \cup (IF pte[1] = "NONE" THEN {"B1 pte none"} ELSE {}) \cup (IF ~view1 THEN {"!page_is_mine"} ELSE {})
                  /\ pte' = [pte EXCEPT ![1] = IF vW THEN "INV" ELSE "RO"]
                  /\ view1' = IF vW THEN FALSE ELSE view1
                  /\ fh' = [fh EXCEPT ![1] = Finish(1, <<"v", "fault">>)] /\ pcV' = "post"
                  /\ UNCHANGED <<owners, dist, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, vW, pcI, pcO>>
VPost ==
                  /\ pcV = "post" /\ c10' = Append(c10, [t |-> "RESP"]) /\ pcV' = "none"
                  /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, vW, pcI, bug, pcO>>

(* ---------------- i: remote invalidation, __do_invalidate_page ---------------- *)
InvApply == /\ bug' = IF pte[1] \notin {"RO", "RW"} THEN bug \cup {"invalidate !pte_present"} ELSE bug
            /\ pte' = [pte EXCEPT ![1] = "INV"] /\ view1' = FALSE
            /\ c10' = Append(c10, [t |-> "ACK"]) /\ pcI' = "none"
IStart ==
                  /\ pcI = "start"
                  /\ IF fh[1] = NoFh THEN InvApply /\ UNCHANGED fh
                     ELSE /\ bug' = IF fh[1].inv THEN bug \cup {"double invalidation"} ELSE bug
                          /\ fh' = [fh EXCEPT ![1].inv = TRUE] /\ pcI' = "wait" /\ UNCHANGED <<pte, view1, c10>>
                  /\ UNCHANGED <<owners, dist, c01, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcO>>
\* woken by the last holder's __finish_fault_handling; __finish_invalidation unhashes
IApply ==
          /\ pcI = "wait" /\ fh[1] # NoFh /\ fh[1].holders = {} /\ fh' = [fh EXCEPT ![1] = NoFh] /\ InvApply
          /\ UNCHANGED <<owners, dist, c01, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcO>>

(* ---------------- o: a second origin thread, user read faults (__handle_localfault_at_origin) ---------------- *)
OAccess == /\ WithReader /\ pcO = "idle" /\ pte[0] \notin {"RO", "RW"} /\ pcO' = "fault"
           /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug>>
OFault ==
  /\ pcO = "fault"
  /\ LET tok == <<"o", "fault">> IN
     IF pte[0] = "NONE" \/ ~dist
     THEN /\ pte' = [pte EXCEPT ![0] = IF pte[0] = "NONE" THEN "RO" ELSE pte[0]]
          /\ pcO' = "idle" /\ UNCHANGED <<fh, c01, wsM, bug>>
     ELSE IF fh[0] = NoFh
     THEN IF Mine THEN pcO' = "idle" /\ UNCHANGED <<fh, pte, c01, wsM, bug>>          \* racy exit
          ELSE /\ fh' = [fh EXCEPT ![0] = NewFh(tok, FALSE, FALSE)]
               /\ c01' = Append(c01, [t |-> "REQ", w |-> FALSE]) /\ wsM' = 1
               /\ pcO' = "claim" /\ UNCHANGED <<pte, bug>>
     ELSE LET d == Decide(0, FALSE, FALSE) IN
          /\ CASE d = "follow" -> /\ fh' = [fh EXCEPT ![0].holders = @ \cup {tok}, ![0].asleep = @ \cup {tok}]
                                  /\ pcO' = "follow"
               [] d = "waitretry" -> fh' = [fh EXCEPT ![0].retryW = @ \cup {"o"}] /\ pcO' = "waitRetry"
               [] d = "retry" -> pcO' = "idle" /\ UNCHANGED fh
               [] OTHER -> UNCHANGED <<fh, pcO>>
          /\ bug' = IF d = "invalid" THEN bug \cup {"o:invalid"} ELSE bug
          /\ UNCHANGED <<pte, c01, wsM>>
  /\ UNCHANGED <<owners, dist, view1, c10, pcM, mf, pinW, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI>>
OClaimDone == /\ pcO = "claim" /\ wsM = 0
              /\ pte' = [pte EXCEPT ![0] = "RO"] /\ owners' = owners \cup {0} /\ dist' = TRUE
              /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"o", "fault">>)] /\ pcO' = "idle"
              /\ UNCHANGED <<view1, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug>>
OFollowerWake == /\ pcO = "follow" /\ ~Asleep(0, "o")
                 /\ fh' = [fh EXCEPT ![0] = Finish(0, <<"o", "fault">>)] /\ pcO' = "idle"
                 /\ UNCHANGED <<pte, owners, dist, view1, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug>>
ORetryWake == /\ pcO = "waitRetry" /\ ~Waiting(0, "o") /\ pcO' = "idle"
              /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, c10, pcM, mf, pinW, wsM, pcR, rw, rResp, pcW, wReq, wRes, pcV, vW, pcI, bug>>

(* ---------------- message delivery (receive kthread: inline or queue to pcn_wq) ---------------- *)
Deliver01 ==
             /\ c01 # <<>> /\ c01' = Tail(c01)
             /\ LET m == Head(c01) IN
                CASE m.t = "REQ" -> pcV' = "start" /\ vW' = m.w /\ UNCHANGED <<pcI, rResp>>
                  [] m.t = "INV" -> pcI' = "start" /\ UNCHANGED <<pcV, vW, rResp>>
                  [] OTHER -> rResp' = (IF m.res = "RETRY" THEN "RETRY" ELSE "OK") /\ UNCHANGED <<pcV, vW, pcI>>
             /\ bug' = IF (Head(c01).t = "REQ" /\ pcV # "none") \/ (Head(c01).t = "INV" /\ pcI # "none")
                       THEN bug \cup {"model: second worker"} ELSE bug
             /\ UNCHANGED <<pte, owners, dist, view1, fh, c10, pcM, mf, pinW, wsM, pcR, rw, pcW, wReq, wRes, pcO>>
Deliver10 ==
             /\ c10 # <<>> /\ c10' = Tail(c10)
             /\ IF Head(c10).t = "REQ" THEN pcW' = "start" /\ wReq' = Head(c10).w /\ UNCHANGED wsM
                ELSE wsM' = wsM - 1 /\ UNCHANGED <<pcW, wReq>>
             /\ bug' = IF Head(c10).t = "REQ" /\ pcW # "none" THEN bug \cup {"model: second worker"} ELSE bug
             /\ UNCHANGED <<pte, owners, dist, view1, fh, c01, pcM, mf, pinW, pcR, rw, rResp, wRes, pcV, vW, pcI, pcO>>

MSteps == FutexWaitStart \/ FutexPin \/ FutexPinFollowerWake \/ FutexPinRetry \/ FutexPinClaimDone
          \/ FutexUnpinEarly \/ FutexGetKey \/ FutexReadValue \/ FutexUnpin
          \/ MFault \/ MFaultClaimDone \/ MFaultFollowerWake \/ MFaultRetry
KernelSteps == RStart \/ RRetryWake \/ RComplete \/ WStart \/ WRetryWake \/ WUpdate \/ WPost
               \/ VStart \/ VRetryWake \/ VUpdate \/ VPost \/ IStart \/ IApply \/ Deliver01 \/ Deliver10
               \/ OFault \/ OClaimDone \/ OFollowerWake \/ ORetryWake
Next == MSteps \/ KernelSteps \/ OAccess \/ \E w \in RKinds : RAccess(w)
\* every kernel step is weakly fair; the remote thread's user accesses (RAccess) are not
Fairness == /\ WF_vars(FutexWaitStart) /\ WF_vars(FutexPin) /\ WF_vars(FutexPinFollowerWake) /\ WF_vars(FutexPinRetry)
            /\ WF_vars(FutexPinClaimDone) /\ WF_vars(FutexUnpinEarly) /\ WF_vars(FutexGetKey) /\ WF_vars(FutexReadValue)
            /\ WF_vars(FutexUnpin) /\ WF_vars(MFault) /\ WF_vars(MFaultClaimDone) /\ WF_vars(MFaultFollowerWake)
            /\ WF_vars(MFaultRetry) /\ WF_vars(RStart) /\ WF_vars(RRetryWake) /\ WF_vars(RComplete)
            /\ WF_vars(WStart) /\ WF_vars(WRetryWake) /\ WF_vars(WUpdate) /\ WF_vars(WPost) /\ WF_vars(VStart)
            /\ WF_vars(VRetryWake) /\ WF_vars(VUpdate) /\ WF_vars(VPost) /\ WF_vars(IStart) /\ WF_vars(IApply)
            /\ WF_vars(Deliver01) /\ WF_vars(Deliver10)
            /\ WF_vars(OFault) /\ WF_vars(OClaimDone) /\ WF_vars(OFollowerWake) /\ WF_vars(ORetryWake)
Spec == Init /\ [][Next]_vars /\ Fairness

(* ---------------- properties (docs/futex-pin-model.md §5) ---------------- *)
NoSelfWaitInv == \A n \in {0, 1} : fh[n] # NoFh => \A t \in fh[n].holders : t[1] \notin fh[n].retryW
FollowerWakeableInv == \A n \in {0, 1} : fh[n] # NoFh /\ fh[n].asleep # {} =>
                         \E t \in fh[n].holders : t[1] \notin ({s[1] : s \in fh[n].asleep} \cup fh[n].retryW)
NoBugInv == bug = {}
FutexOpCompletes == <>(pcM = "done")
=============================================================================

---------------------------- MODULE PageProtocol ----------------------------
(***************************************************************************)
(* Popcorn Linux page coherence protocol, as the 5.2.21 kernel builds it   *)
(* (Zildj1an/popcorn-kernel, kernel/popcorn/page_server.c, fh_action.c).   *)
(* Facts: ../shared/popcorn/page-protocol.md (cited as Sx).  Granularity:   *)
(* S9 -- one process, ONE page, a fixed set of nodes and user threads.      *)
(* Every action is one atomic step of one kernel context (a user thread or *)
(* a pcn_wq worker), split where the kernel drops every spinlock.          *)
(*                                                                         *)
(* Java contract (pcnref.pages mirrors this module action by action):      *)
(*  - state = the record of the VARIABLES below; a transition label =      *)
(*    action name + parameter values (Next lists every action as           *)
(*    \E p \in S: Action(p, ...)).                                         *)
(*  - no CHOOSE, no TLC-only operator; values are integers, booleans,      *)
(*    strings, records, functions over Nodes/Threads/WsIds, finite sets,   *)
(*    sequences.  Nodes are 0..N-1, Origin = 0; threads are 0..NT-1.       *)
(*                                                                         *)
(* VARIABLES and their encoding                                            *)
(*  pte[n]        [Nodes -> {"NONE","INV","RO","RW"}] PTE state (S2.2).     *)
(*  frame[n]      [Nodes -> -1..NumValues-1] contents of the frame behind  *)
(*                the PTE; -1 = no frame (NoFrame).  Kept while "INV".      *)
(*  owners        SUBSET Nodes: origin directory owner bits 0..31 (S2.1).  *)
(*  distributed   BOOLEAN: origin directory bit 63 (PI_FLAG_DISTRIBUTED).   *)
(*  view[n]       [Nodes -> [dist: BOOLEAN, own: BOOLEAN]] a remote's own   *)
(*                directory word (bit 63, bit my_nid); view[Origin] stays   *)
(*                [dist |-> FALSE, own |-> FALSE] (the origin uses owners). *)
(*                page_is_mine at a remote = ~dist \/ own.                  *)
(*  fh[n]         [Nodes -> FhRec] the fault handle of the page at node n   *)
(*                (S5.1): [kind: "NONE"|"L"|"R", write, inv: BOOLEAN,       *)
(*                users: Nat (pendings), limit: Nat (followers admitted,    *)
(*                capped at MaxFollowers+2), ret: "OK"|"RETRY"] ; kind      *)
(*                "NONE" = no handle hashed (all other fields at default).  *)
(*                Who (issue 8): holders: SUBSET Ctx (counted in users:    *)
(*                leader, admitted followers, the futex pin), waits: SUBSET *)
(*                Ctx (followers asleep on fh->waits), waitsRetry: SUBSET   *)
(*                Ctx (asleep on fh->waits_retry, not holders).             *)
(*                Ctx = <<"thread", t>> (ThreadCtx: user thread t, also as  *)
(*                the pin) | <<"work", n, type, from, ws>> (WorkCtx: the    *)
(*                pcn_wq item of node n serving (type, from, ws)) |         *)
(*                <<"home", t>> (HomeCtx: the home task of thread t, task   *)
(*                NT + t, "FutexFwd"); TaskCtx(t) names task t's context.   *)
(*                Who is added / removed, only in the fh operators:        *)
(*                  NewFh(w, r, c)        leader c: holders = {c}          *)
(*                  JoinFh(n, w, r, c)    FOLLOW: c into holders + waits   *)
(*                  SleepRetryFh(n,w,r,c) WAITRETRY: c into waitsRetry     *)
(*                  FhAfterLeave(n, c)    c out of holders, waits := {}    *)
(*                                        (woken); last one: NoFh (retry   *)
(*                                        sleepers woken) unless inv       *)
(*                  InvalidateApplyW      waited: NoFh (retry woken)       *)
(*                B1's leak keeps users 1 with holders {} (the work item   *)
(*                is gone): HoldersMatchPendingsInv fails only with B1.    *)
(*                The InvWait invalidation sleeps on fh->complete; it is   *)
(*                not recorded in fh but derived (InvWaiters(n)).          *)
(*  chan[a][b]    [Nodes -> [Nodes -> Seq(Msg)]] FIFO a->b (per-destination *)
(*                send queue + TCP).  Msg = [type: "REQ"|"RESP"|"SHORT"|    *)
(*                "INV"|"ACK", ws: WsIds, write: BOOLEAN, result: "NONE"|   *)
(*                "OK"|"CONTINUE"|"RETRY"|"SIGSEGV", data: -1..NumValues-1].*)
(*                "FREQ"/"FRESP" = FUTEX_REQUEST/_RESPONSE (data: the futex *)
(*                op, FUTEX_WAIT 0 / FUTEX_WAKE 1; ws: the remote caller's).*)
(*                Remote->remote channels stay empty.                       *)
(*  pool[n]       [Nodes -> SUBSET Worker] pcn_wq work items of node n      *)
(*                (unordered, one logical worker each).  Worker = [type:    *)
(*                "REQ"|"INV", from: Nodes, ws: WsIds (the requester's      *)
(*                station), write: BOOLEAN, stage: "Start"|"WaitRetry"|     *)
(*                "Decide"|"ClaimWait"|"Respond"|"InvWait", result, data,   *)
(*                grant: BOOLEAN].  (type, from, ws) is unique in a pool.   *)
(*  pc[t]         [Tasks -> STRING] program counter of task t (a user      *)
(*                thread, or with "FutexFwd" a home task NT + r):           *)
(*                "Idle","Access","Backoff","FollowWait","WaitRetry",       *)
(*                "OLeader","OClaimWait","RLeader","RWait","Finish","Oops", *)
(*                "Futex"; forwarded futex: "RFutexWait" (remote thread in  *)
(*                wait_at_station), "RemoteWorkWait"/"RemoteWorkWake" (home *)
(*                task: its remote_work slot holds the request), "FutexRet" *)
(*                (home task: do_futex returned, FUTEX_RESPONSE to post).   *)
(*                isWrite, accesses, populated, ret, fpc: also [Tasks ->   *)
(*                ...]; Tasks = Threads unless "FutexFwd" is on.           *)
(*  isWrite[t]    [Threads -> BOOLEAN] the access being executed.           *)
(*  accesses[t]   [Threads -> 0..MaxAccesses] accesses begun (the bound).   *)
(*  populated[t]  [Threads -> BOOLEAN] remote leader allocated a fresh      *)
(*                frame for this fault (S4.4 step 5); held by the thread,   *)
(*                installed at RemoteFaultComplete.                         *)
(*  ret[t]        [Threads -> {"OK","RETRY"}] result to return after        *)
(*                FinishFaultHandling.                                      *)
(*  ws[i]         [WsIds -> [count: Nat, result, data, src: -1..N-1]] wait  *)
(*                stations.  Ids never grow: thread t uses station t, the   *)
(*                origin worker serving thread t's request uses NT + t.     *)
(*                src = data source of a remote claim (-1: none).           *)
(*  lastWritten   0..NumValues-1 ghost: value of the latest user write.     *)
(*  bugsHit       SUBSET STRING: sanity BUG_ONs reached (S5.2, S4.x).       *)
(*  envOps        0..MaxEnvOps: zap/release operations done (bug actions).  *)
(*  dontneedFwd   SUBSET Nodes: remotes whose MADV_DONTNEED is still to be  *)
(*                forwarded to the origin (VMA_OP_MADVISE).                 *)
(*  releaseFwd    SUBSET Nodes: remotes whose MADV_RELEASE is still to be   *)
(*                forwarded (process_madvise_release_from_remote).          *)
(*  fpc[t]        [Tasks -> {"None","Pin","Key","Value","Unpin",           *)
(*                "WakeKey","Wake"}] where origin context t is in futex_wait*)
(*                / futex_wake ("WakeKey", "Wake": no pin) (S4.8): "Pin" in *)
(*                page_server_get_userpage; "Key" get_futex_key, "Value"    *)
(*                get_futex_value_locked, "Unpin" before                    *)
(*                page_server_put_userpage -- these three hold the pin (a   *)
(*                user of fh[Origin], counted in users).  Always "None"     *)
(*                unless a futex switch is on.                              *)
(*                                                                         *)
(* ACTIONS (transition label = name + parameters, domains as in Next):    *)
(*  threads t \in Threads: BeginAccess(t, w \in BOOLEAN), UserRead(t),      *)
(*    UserWrite(t), HandlePteFault(t), StartFaultHandling(t),              *)
(*    BackoffRetry(t), RacyExitAtOrigin(t), ClaimLocalPage(t),             *)
(*    ClaimRemotePage(t, src \in -1..N-1), MakePteValid(t),                *)
(*    FetchPageFromOrigin(t), RemoteFaultComplete(t), FinishFaultHandling(t)*)
(*  transport: Deliver(a \in Nodes, b \in Nodes)                          *)
(*  origin work items (sender f \in Remotes, requester station i \in       *)
(*    Threads): HandlePteFaultOrigin(f, i), ServeAtOriginStart(f, i),       *)
(*    ServeAtOriginDecide(f, i), ServeAtOriginClaimRemote(f, i, src \in    *)
(*    -1..N-1), ServeAtOriginUpdate(f, i); any node: PostResponse(n \in    *)
(*    Nodes, f \in Nodes, i \in WsIds)                                      *)
(*  remote work items (n \in Remotes, origin station i \in WsIds):         *)
(*    ServeAtRemote(n, i), InvalidateStart(n, i), InvalidateApply(n, i)     *)
(*  bug actions: ZapOrigin, ZapRemote(n), ForwardMadviseDontneed(n),       *)
(*    MadviseReleaseOrigin, MadviseReleaseRemote(n), ReleaseFromRemote(n)  *)
(*    (n \in Remotes).  src = -1 only on the peers == 0 panic path.         *)
(*  futex_wait at the origin (t \in Tasks): FutexWaitStart(t),             *)
(*    PageServerGetUserpage(t), FutexPinned(t), FutexGetKey(t),            *)
(*    GupFollowPage(t), FutexReadValue(t), PageServerPutUserpage(t);       *)
(*    futex_wake: FutexWakeStart(t), FutexWake(t); forwarded futex ops:    *)
(*    ProcessServerDoFutexAtRemote(t \in Threads, op \in FutexOps),        *)
(*    ProcessRemoteFutexRequest(h \in HomeTasks), RemoteFutexComplete(t).  *)
(*    The thread actions (HandlePteFault ... FinishFaultHandling) range    *)
(*    over Tasks: a home task faults like any origin context.              *)
(*                                                                         *)
(* Bug switches (CONSTANT Bugs, S7): "B1" as-built fault-handle leak on a  *)
(* NONE PTE (absent = fixed: finish the handle); "B3" as-built read claim  *)
(* that may send nothing (absent = fixed: ask src); "B2o"/"B2r" enable     *)
(* MADV_DONTNEED zap at the origin / at a remote (ZapOrigin, ZapRemote +   *)
(* ForwardMadviseDontneed); "B5"/"B6" enable MADV_RELEASE at a remote /    *)
(* at the origin.  B4 (ignored error result) and B7 (no PTE re-validation) *)
(* are always as built; they only show once a zap/release is enabled.      *)
(* Futex switches (S4.8, docs/futex-pin-model.md): "FutexShared" /         *)
(* "FutexPrivate" let origin threads run FUTEX_WAIT on the page with a     *)
(* shared / private key (at most one of them); "FP1" = the pin as built    *)
(* (page_server_get_userpage takes the handle for READ), absent = the fix  *)
(* "WritePin" (a shared futex pins for write).  "FutexFwd": remote threads *)
(* forward their futex calls (FUTEX_REQUEST) to their home tasks, which    *)
(* run them at the origin with the same actions (process-vma S6).          *)
(* "FutexWake": futex ops include FUTEX_WAKE.  Both need a key kind.       *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS
    N,            \* number of nodes; node 0 is the origin
    Home,         \* tuple: Home[t+1] = node where thread t runs
    NumValues,    \* data values are 0..NumValues-1; a write stores a fresh one
    MaxAccesses,  \* accesses each thread may begin
    MaxFollowers, \* FH_ACTION_MAX_FOLLOWER (8 in the kernel: 9 followers)
    MaxEnvOps,    \* bound on zap/release operations (bug actions)
    Bugs          \* subset of {"B1","B2o","B2r","B3","B5","B6","FP1","FutexShared","FutexPrivate"}

VARIABLES pte, frame, owners, distributed, view, fh, chan, pool,
          pc, isWrite, accesses, populated, ret, ws,
          lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc

vars == <<pte, frame, owners, distributed, view, fh, chan, pool,
          pc, isWrite, accesses, populated, ret, ws,
          lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

ASSUME ~({"FutexShared", "FutexPrivate"} \subseteq Bugs)   \* one key kind per model
\* Forwarded futex ops and FUTEX_WAKE need a key kind.
ASSUME (Bugs \cap {"FutexFwd", "FutexWake"} # {}) => (Bugs \cap {"FutexShared", "FutexPrivate"} # {})

Origin  == 0
Nodes   == 0..(N - 1)
Remotes == Nodes \ {Origin}
NT      == Len(Home)
Threads == 0..(NT - 1)
\* Tasks: the kernel tasks whose program counter the model keeps (pc and the
\* other per-task variables): the user threads and, with "FutexFwd", one home
\* task per thread (process-vma S6 "C4": the origin task a remote
\* thread was migrated from, parked in __process_remote_works).  Home task of
\* thread r = context NT + r; it runs at the origin and uses wait station
\* NT + r, the station of the origin worker serving r's page requests: the
\* two never overlap (r is blocked in wait_at_station while its home task
\* runs, and every worker serving r has ended before r got its response).
FutexFwdOn == "FutexFwd" \in Bugs
Tasks == 0..((IF FutexFwdOn THEN 2 ELSE 1) * NT - 1)
HomeTasks == Tasks \ Threads
HomeTaskOf(h) == h - NT        \* the remote thread whose home task h is
HomeOf(t) == IF t \in Threads THEN Home[t + 1] ELSE 0
Values  == 0..(NumValues - 1)
NoFrame == -1
WsIds   == 0..(2 * NT - 1)
\* Station of the origin worker serving the request of the thread with station i.
WorkerWs(w) == NT + w.ws

-----------------------------------------------------------------------------
(* fh_action table, S5.3, verbatim: value of row idx is FhTable[idx + 1].   *)
(* Bits: WAIT 0x01, LOCAL 0x02, DELAY 0x04, FOLLOW 0x10, RETRY 0x20.        *)
FhTable == <<
  16, 35, 33, 32, 16, 32, 16, 32,   \* 0x00-0x07 origin, L - R / L - W
   0,  0,  0,  0,  0,  0,  0,  0,   \* 0x08-0x0f origin, L i R / L i W (INVALID)
  16, 35, 33, 33, 33, 32, 33, 32,   \* 0x10-0x17 origin, R - R / R - W
   0,  0,  0,  0,  0,  0,  0,  0,   \* 0x18-0x1f origin, R i R / R i W (INVALID)
  16,  0, 33,  0, 16, 39, 16, 39,   \* 0x20-0x27 remote, L - R / L - W
  52,  0, 37,  0, 52,  0, 52,  0,   \* 0x28-0x2f remote, L i R / L i W
   0,  0, 33,  0, 33,  0, 33,  0,   \* 0x30-0x37 remote, R - R / R - W
   0,  0,  0,  0,  0,  0,  0,  0 >> \* 0x38-0x3f remote, R i R / R i W (INVALID)

HasBit(v, b) == (v \div b) % 2 = 1

\* get_fh_action index: at_remote*32 + (fh.flags & 7)*4 + is_write*2 + is_remote_fault
FhIndex(n, h, w, r) ==
    (IF n = Origin THEN 0 ELSE 32)
    + 4 * ((IF h.kind = "R" THEN 4 ELSE 0) + (IF h.inv THEN 2 ELSE 0) + (IF h.write THEN 1 ELSE 0))
    + (IF w THEN 2 ELSE 0) + (IF r THEN 1 ELSE 0)

FhAction(n, w, r) == FhTable[FhIndex(n, fh[n], w, r) + 1]

\* What __start_fault_handling does for a new fault (write w, remote r) at n:
\* "LEADER", "FOLLOW", "WAITRETRY", "RETRY" or "INVALID" (BUG_ON).
FhDecision(n, w, r) ==
    IF fh[n].kind = "NONE" THEN "LEADER"
    ELSE LET a == FhAction(n, w, r) IN
         IF a = 0 THEN "INVALID"
         ELSE IF HasBit(a, 32) THEN (IF HasBit(a, 1) THEN "WAITRETRY" ELSE "RETRY")
         ELSE IF fh[n].limit > MaxFollowers THEN "WAITRETRY"   \* limit++ > MAX
         ELSE "FOLLOW"

\* limit++ happens on every FOLLOW row (also when it overflows); capped so the
\* state stays finite (only "> MaxFollowers" is ever tested).
BumpLimit(n, w, r) ==
    IF fh[n].kind # "NONE" /\ FhAction(n, w, r) = 16
    THEN [fh[n] EXCEPT !.limit = IF @ + 1 > MaxFollowers + 2 THEN MaxFollowers + 2 ELSE @ + 1]
    ELSE fh[n]

(* Contexts (issue 8): who holds or sleeps on a fault handle.  A context  *)
(* is a tuple whose first element names its kind; more kinds may be added *)
(* (e.g. <<"home", t>>, the home task of a remote thread t).              *)
\* user thread t (also while it holds the futex pin)
ThreadCtx(t) == <<"thread", t>>
\* the home task of thread r ("FutexFwd": task NT + r), also as the pin
HomeCtx(r) == <<"home", r>>
\* the context of task t \in Tasks (a thread or a home task)
TaskCtx(t) == IF t \in HomeTasks THEN HomeCtx(HomeTaskOf(t)) ELSE ThreadCtx(t)
\* the pcn_wq work item of node n serving (type, from, ws)
WorkCtx(n, w) == <<"work", n, w.type, w.from, w.ws>>
Contexts == {TaskCtx(t) : t \in Tasks}
            \cup {<<"work", n, ty, f, i>> : n \in Nodes, ty \in {"REQ", "INV"}, f \in Nodes, i \in WsIds}

NoFh == [kind |-> "NONE", write |-> FALSE, inv |-> FALSE, users |-> 0, limit |-> 0, ret |-> "OK",
         holders |-> {}, waits |-> {}, waitsRetry |-> {}]
\* Leader c allocates the handle: the only holder (pendings 1).
NewFh(w, r, c) == [kind |-> IF r THEN "R" ELSE "L", write |-> w, inv |-> FALSE,
                   users |-> 1, limit |-> 0, ret |-> "OK",
                   holders |-> {c}, waits |-> {}, waitsRetry |-> {}]
\* FOLLOW: c becomes a holder (pendings++) and sleeps on fh->waits.
JoinFh(n, w, r, c) == [BumpLimit(n, w, r) EXCEPT !.users = @ + 1, !.holders = @ \cup {c},
                                                 !.waits = @ \cup {c}]
\* WAITRETRY: c sleeps on fh->waits_retry without holding the handle.
SleepRetryFh(n, w, r, c) == [BumpLimit(n, w, r) EXCEPT !.waitsRetry = @ \cup {c}]

WsIdle == [count |-> 0, result |-> "NONE", data |-> -1, src |-> -1]

Req(i, w) == [type |-> "REQ", ws |-> i, write |-> w, result |-> "NONE", data |-> -1]
Inv(i)    == [type |-> "INV", ws |-> i, write |-> FALSE, result |-> "NONE", data |-> -1]
Ack(i)    == [type |-> "ACK", ws |-> i, write |-> FALSE, result |-> "NONE", data |-> -1]
Resp(i, r, d) == [type |-> IF r = "OK" THEN "RESP" ELSE "SHORT", ws |-> i, write |-> FALSE,
                  result |-> r, data |-> IF r = "OK" THEN d ELSE -1]

NewWorker(ty, a, m) == [type |-> ty, from |-> a, ws |-> m.ws, write |-> m.write,
                        stage |-> "Start", result |-> "NONE", data |-> -1, grant |-> FALSE]

Send(c, a, b, m) == [c EXCEPT ![a][b] = Append(@, m)]
\* The origin posts one PAGE_INVALIDATE_REQUEST to every node of S (__revoke_page_ownership).
SendInvs(c, S, i) ==
    [a \in Nodes |-> [b \in Nodes |->
        IF a = Origin /\ b \in S THEN Append(c[a][b], Inv(i)) ELSE c[a][b]]]

Mine == ~distributed \/ Origin \in owners          \* page_is_mine at the origin
RemoteMine(n) == ~view[n].dist \/ view[n].own      \* page_is_mine at a remote
Permits(n, w) == IF w THEN pte[n] = "RW" ELSE pte[n] \in {"RO", "RW"}
Fresh == (lastWritten + 1) % NumValues

-----------------------------------------------------------------------------
(* Leaving a fault handle: __finish_fault_handling (page_server.c).        *)
(* pendings-1 > 0: wake_up_all(waits) -- every sleeping follower runs on    *)
(* (its next step is its own finish, returning fh->ret).  = 0 with a        *)
(* pending invalidation: complete() it, the handle stays hashed.  = 0       *)
(* otherwise: unhash, wake_up_all(waits_retry) -- every retry waiter        *)
(* returns NULL: a thread returns VM_FAULT_RETRY, an origin worker answers  *)
(* VM_FAULT_RETRY, a remote worker restarts (VM_FAULT_LOCKED).              *)
Left(n) == fh[n].users - 1
Unhashes(n) == Left(n) = 0 /\ ~fh[n].inv
\* Holder c leaves; the followers on waits are woken (they stay holders).
FhAfterLeave(n, c) ==
    IF Unhashes(n) THEN NoFh
    ELSE [fh[n] EXCEPT !.users = Left(n), !.holders = @ \ {c}, !.waits = {}]

WakeRetryPc(n, base) ==
    [t \in Tasks |-> IF HomeOf(t) = n /\ base[t] = "WaitRetry" THEN "Backoff" ELSE base[t]]
WakeRetryWorker(n, w) ==
    IF w.stage # "WaitRetry" THEN w
    ELSE IF n = Origin THEN [w EXCEPT !.stage = "Respond", !.result = "RETRY"]
    ELSE [w EXCEPT !.stage = "Start"]
WakeRetryPool(n, P) == {WakeRetryWorker(n, w) : w \in P}

PcAfterLeave(n, base) ==
    IF Left(n) > 0
    THEN [t \in Tasks |-> IF HomeOf(t) = n /\ base[t] = "FollowWait" THEN "Finish" ELSE base[t]]
    ELSE IF Unhashes(n) THEN WakeRetryPc(n, base) ELSE base
RetAfterLeave(n, base) ==
    IF Left(n) > 0
    THEN [t \in Tasks |-> IF HomeOf(t) = n /\ pc[t] = "FollowWait" THEN fh[n].ret ELSE base[t]]
    ELSE base
PoolAfterLeave(n, P) == IF Unhashes(n) THEN WakeRetryPool(n, P) ELSE P

-----------------------------------------------------------------------------
Init ==
    /\ pte = [n \in Nodes |-> "NONE"]
    /\ frame = [n \in Nodes |-> NoFrame]
    /\ owners = {}
    /\ distributed = FALSE
    /\ view = [n \in Nodes |-> [dist |-> FALSE, own |-> FALSE]]
    /\ fh = [n \in Nodes |-> NoFh]
    /\ chan = [a \in Nodes |-> [b \in Nodes |-> <<>>]]
    /\ pool = [n \in Nodes |-> {}]
    /\ pc = [t \in Tasks |-> "Idle"]
    /\ isWrite = [t \in Tasks |-> FALSE]
    /\ accesses = [t \in Tasks |-> 0]
    /\ populated = [t \in Tasks |-> FALSE]
    /\ ret = [t \in Tasks |-> "OK"]
    /\ ws = [i \in WsIds |-> WsIdle]
    /\ lastWritten = 0
    /\ bugsHit = {}
    /\ envOps = 0
    /\ dontneedFwd = {}
    /\ releaseFwd = {}
    /\ fpc = [t \in Tasks |-> "None"]

-----------------------------------------------------------------------------
(***************************** user threads ********************************)

\* A user instruction begins an access to the page (w = write).
BeginAccess(t, w) ==
    /\ pc[t] = "Idle" /\ accesses[t] < MaxAccesses
    /\ pc' = [pc EXCEPT ![t] = "Access"]
    /\ isWrite' = [isWrite EXCEPT ![t] = w]
    /\ accesses' = [accesses EXCEPT ![t] = @ + 1]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, populated, ret, ws,
                   lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* The load executes (the PTE permits it).
UserRead(t) ==
    /\ pc[t] = "Access" /\ ~isWrite[t] /\ Permits(HomeOf(t), FALSE) /\ fpc[t] = "None"
    /\ pc' = [pc EXCEPT ![t] = "Idle"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* The store executes: a fresh value (ghost lastWritten follows it).
UserWrite(t) ==
    /\ pc[t] = "Access" /\ isWrite[t] /\ Permits(HomeOf(t), TRUE) /\ fpc[t] = "None"
    /\ frame' = [frame EXCEPT ![HomeOf(t)] = Fresh]
    /\ lastWritten' = Fresh
    /\ pc' = [pc EXCEPT ![t] = "Idle"]
    /\ isWrite' = [isWrite EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<pte, owners, distributed, view, fh, chan, pool, accesses,
                   populated, ret, ws, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* mm/memory.c:handle_pte_fault -> page_server_handle_pte_fault returns
\* VM_FAULT_CONTINUE at the origin and stock Linux handles the fault:
\* first touch (PTE NONE: zero-filled anonymous page) or a write to a
\* read-only page that is not distributed (do_wp_page).  S4.1 steps 2, 5.
HandlePteFault(t) ==
    LET n == HomeOf(t) IN
    /\ pc[t] = "Access" /\ n = Origin /\ ~Permits(n, isWrite[t])
    /\ \/ pte[n] = "NONE"
       \/ ~distributed /\ pte[n] = "RO"
    /\ IF pte[n] = "NONE"
       THEN /\ pte' = [pte EXCEPT ![n] = IF isWrite[t] THEN "RW" ELSE "RO"]
            /\ frame' = [frame EXCEPT ![n] = 0]
       ELSE /\ pte' = [pte EXCEPT ![n] = "RW"]
            /\ UNCHANGED frame
    /\ UNCHANGED <<owners, distributed, view, fh, chan, pool, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* page_server.c:__start_fault_handling for a user fault that enters the
\* protocol (origin: PTE not NONE and distributed, S4.1 step 6; remote: PTE
\* not present, or write to a read-only PTE, S4.4).  The PTE check and the
\* handle lookup are one step: the bucket lock is taken before ptl drops.
StartFaultHandling(t) ==
    LET n == HomeOf(t)
        w == isWrite[t]
        d == FhDecision(n, w, FALSE) IN
    /\ pc[t] = "Access" /\ ~Permits(n, w)
    /\ n = Origin => (pte[n] # "NONE" /\ distributed)
    /\ CASE d = "LEADER" ->
              /\ fh' = [fh EXCEPT ![n] = NewFh(w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = IF n = Origin THEN "OLeader" ELSE "RLeader"]
              /\ UNCHANGED bugsHit
         [] d = "FOLLOW" ->
              /\ fh' = [fh EXCEPT ![n] = JoinFh(n, w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = "FollowWait"]
              /\ UNCHANGED bugsHit
         [] d = "WAITRETRY" ->
              /\ fh' = [fh EXCEPT ![n] = SleepRetryFh(n, w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = "WaitRetry"]
              /\ UNCHANGED bugsHit
         [] d = "RETRY" ->
              /\ pc' = [pc EXCEPT ![t] = "Backoff"]
              /\ UNCHANGED <<fh, bugsHit>>
         [] OTHER ->   \* INVALID row: BUG_ON(action == FH_ACTION_INVALID)
              /\ bugsHit' = bugsHit \cup {"InvalidAction"}
              /\ pc' = [pc EXCEPT ![t] = "Oops"]
              /\ UNCHANGED fh
    /\ UNCHANGED <<pte, frame, owners, distributed, view, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* mm/memory.c:handle_pte_fault back-off after VM_FAULT_RETRY (S5.5); the
\* instruction is executed again.  A pin (fpc "Pin") that found no handle
\* to join loops in page_server_get_userpage instead (io_schedule, retry).
BackoffRetry(t) ==
    /\ pc[t] = "Backoff"
    /\ pc' = [pc EXCEPT ![t] = IF fpc[t] = "Pin" THEN "Futex" ELSE "Access"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_localfault_at_origin, leader, page mine, read: "racy exit",
\* nothing to do (S4.1 step 9).  Sanity BUG_ON(!test_page_owner(my_nid)).
RacyExitAtOrigin(t) ==
    /\ pc[t] = "OLeader" /\ Mine /\ ~isWrite[t]
    /\ pc' = [pc EXCEPT ![t] = "Finish"]
    /\ bugsHit' = IF Origin \in owners THEN bugsHit ELSE bugsHit \cup {"NotOwnerAtOrigin"}
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __claim_local_page(except = origin) from __handle_localfault_at_origin
\* (page mine, write): clear every other owner bit and post a
\* PAGE_INVALIDATE_REQUEST to each; the station expects that many acks.
ClaimLocalPage(t) ==
    LET S == owners \ {Origin} IN
    /\ pc[t] = "OLeader" /\ Mine /\ isWrite[t]
    /\ owners' = owners \ S
    /\ chan' = SendInvs(chan, S, t)
    /\ ws' = [ws EXCEPT ![t] = [WsIdle EXCEPT !.count = Cardinality(S)]]
    /\ pc' = [pc EXCEPT ![t] = "OClaimWait"]
    /\ UNCHANGED <<pte, frame, distributed, view, fh, pool, isWrite, accesses,
                   populated, ret, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* Send part of __claim_remote_page (S4.3) for an origin fault and for an
\* origin worker (ServeAtOriginClaimRemote): src = the randomly chosen owner.
\* Read: one REQUEST (B3 as built: only if src is the lowest owner, else
\* nothing is sent though one reply is awaited).  Write: REQUEST to src,
\* INVALIDATE (bit cleared now) to every other owner.
ClaimPeers == owners \ {Origin}
ClaimSends(src, w) == ~w => ("B3" \notin Bugs \/ \A y \in ClaimPeers : src <= y)
ClaimChan(src, w, i) ==
    LET c1 == IF ClaimSends(src, w) THEN Send(chan, Origin, src, Req(i, w)) ELSE chan IN
    IF w THEN SendInvs(c1, ClaimPeers \ {src}, i) ELSE c1
ClaimOwners(src, w) == IF w THEN owners \ (ClaimPeers \ {src}) ELSE owners
ClaimWs(src, w) == [WsIdle EXCEPT !.count = IF w THEN Cardinality(ClaimPeers) ELSE 1,
                                  !.src = src]

\* __claim_remote_page from __handle_localfault_at_origin (page not mine).
\* peers == 0 -> page_server_panic (BUG).
ClaimRemotePage(t, src) ==
    /\ pc[t] = "OLeader" /\ ~Mine
    /\ IF ClaimPeers = {}
       THEN /\ src = -1
            /\ bugsHit' = bugsHit \cup {"NoPeers"}
            /\ pc' = [pc EXCEPT ![t] = "Oops"]
            /\ UNCHANGED <<owners, chan, ws>>
       ELSE /\ src \in ClaimPeers
            /\ owners' = ClaimOwners(src, isWrite[t])
            /\ chan' = ClaimChan(src, isWrite[t], t)
            /\ ws' = [ws EXCEPT ![t] = ClaimWs(src, isWrite[t])]
            /\ pc' = [pc EXCEPT ![t] = "OClaimWait"]
            /\ UNCHANGED bugsHit
    /\ UNCHANGED <<pte, frame, distributed, view, fh, pool, isWrite, accesses,
                   populated, ret, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* End of a claim at the origin (the wait is over): __claim_remote_page
\* tail (write: clear the source's bit; copy the data if result == 0, any
\* other result is ignored: B4) then __make_pte_valid (RO/RW, DISTRIBUTED,
\* own bit); or, after __claim_local_page, ptep_set_access_flags making the
\* PTE writable.  No pte_same re-check (B7).  Sanity: origin bit set.
MakePteValid(t) ==
    LET s == ws[t].src
        w == isWrite[t]
        o1 == IF s # -1 /\ w THEN owners \ {s} ELSE owners
        o2 == IF s # -1 THEN o1 \cup {Origin} ELSE o1 IN
    /\ pc[t] = "OClaimWait" /\ ws[t].count = 0
    /\ IF s # -1
       THEN /\ frame' = [frame EXCEPT ![Origin] =
                           IF ws[t].result = "OK" /\ pte[Origin] # "NONE" THEN ws[t].data ELSE @]
            /\ pte' = [pte EXCEPT ![Origin] = IF w THEN "RW" ELSE "RO"]
            /\ distributed' = TRUE
       ELSE /\ pte' = [pte EXCEPT ![Origin] = IF @ \in {"RO", "RW"} THEN "RW" ELSE @]
            /\ UNCHANGED <<frame, distributed>>
    /\ owners' = o2
    /\ bugsHit' = IF Origin \in o2 THEN bugsHit ELSE bugsHit \cup {"NotOwnerAtOrigin"}
    /\ ws' = [ws EXCEPT ![t] = WsIdle]
    /\ pc' = [pc EXCEPT ![t] = "Finish"]
    /\ UNCHANGED <<view, fh, chan, pool, isWrite, accesses, populated, ret,
                   lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_localfault_at_remote, leader: find/allocate the frame
\* (populated = first touch), __fetch_page_from_origin posts the
\* REMOTE_PAGE_REQUEST and sleeps on the station (1 reply).
FetchPageFromOrigin(t) ==
    LET n == HomeOf(t) IN
    /\ pc[t] = "RLeader"
    /\ populated' = [populated EXCEPT ![t] = pte[n] = "NONE"]
    /\ chan' = Send(chan, n, Origin, Req(t, isWrite[t]))
    /\ ws' = [ws EXCEPT ![t] = [WsIdle EXCEPT !.count = 1]]
    /\ pc' = [pc EXCEPT ![t] = "RWait"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, pool, isWrite, accesses,
                   ret, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_localfault_at_remote after the wait (S4.4 steps 7-10): error or
\* RETRY -> fh->ret; CONTINUE (grant) -> BUG_ON(populated), re-validate the
\* kept PTE; 0 -> copy the data, install the PTE.  Local word: DISTRIBUTED +
\* own bit.  No pte_same re-check (B7).
RemoteFaultComplete(t) ==
    LET n == HomeOf(t)
        r == ws[t].result
        w == isWrite[t] IN
    /\ pc[t] = "RWait" /\ ws[t].count = 0
    /\ ws' = [ws EXCEPT ![t] = WsIdle]
    /\ populated' = [populated EXCEPT ![t] = FALSE]
    /\ CASE r = "OK" ->
              /\ pte' = [pte EXCEPT ![n] = IF w THEN "RW" ELSE "RO"]
              /\ frame' = [frame EXCEPT ![n] =
                             IF populated[t] \/ pte[n] # "NONE" THEN ws[t].data ELSE @]
              /\ view' = [view EXCEPT ![n] = [dist |-> TRUE, own |-> TRUE]]
              /\ pc' = [pc EXCEPT ![t] = "Finish"]
              /\ UNCHANGED <<fh, ret, bugsHit>>
         [] r = "CONTINUE" /\ populated[t] ->
              /\ bugsHit' = bugsHit \cup {"PopulatedGrant"}
              /\ pc' = [pc EXCEPT ![t] = "Oops"]
              /\ UNCHANGED <<pte, frame, view, fh, ret>>
         [] r = "CONTINUE" ->
              /\ pte' = [pte EXCEPT ![n] = IF w THEN "RW" ELSE "RO"]
              /\ view' = [view EXCEPT ![n] = [dist |-> TRUE, own |-> TRUE]]
              /\ pc' = [pc EXCEPT ![t] = "Finish"]
              /\ UNCHANGED <<frame, fh, ret, bugsHit>>
         [] OTHER ->
              /\ fh' = [fh EXCEPT ![n].ret = "RETRY"]
              /\ ret' = [ret EXCEPT ![t] = "RETRY"]
              /\ pc' = [pc EXCEPT ![t] = "Finish"]
              /\ UNCHANGED <<pte, frame, view, bugsHit>>
    /\ UNCHANGED <<owners, distributed, chan, pool, isWrite, accesses,
                   lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __finish_fault_handling by a leader or a woken follower (see Left/...).
\* Returns 0 (re-execute the access) or VM_FAULT_RETRY (back off).
FinishFaultHandling(t) ==
    LET n == HomeOf(t)
        base == [pc EXCEPT ![t] = IF ret[t] = "OK" THEN "Access" ELSE "Backoff"] IN
    /\ pc[t] = "Finish" /\ fpc[t] # "Pin"     \* a pin keeps its handle: FutexPinned
    /\ fh' = [fh EXCEPT ![n] = FhAfterLeave(n, TaskCtx(t))]
    /\ pc' = PcAfterLeave(n, base)
    /\ ret' = RetAfterLeave(n, [ret EXCEPT ![t] = "OK"])
    /\ pool' = [pool EXCEPT ![n] = PoolAfterLeave(n, @)]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, chan, isWrite, accesses,
                   populated, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

-----------------------------------------------------------------------------
(****************** futex_wait at the origin: the pin (S4.8) *****************)
(* kernel/futex.c:futex_wait brackets futex_wait_setup with                *)
(* page_server_get_userpage / page_server_put_userpage.  The pin takes the *)
(* page's fault handle like a local fault (fault_flags 0: READ, not remote;*)
(* "FP1" absent: WRITE for a shared futex, the fix) and KEEPS it until the *)
(* unpin.  Accesses to the futex word inside the window are ordinary       *)
(* faults of the same thread (pc "Access"), so they meet its own handle    *)
(* through the unchanged FhTable: shared gup write -> idx 2 RETRY|WAIT.    *)
FutexOn == Bugs \cap {"FutexShared", "FutexPrivate"} # {}
FutexSharedKey == "FutexShared" \in Bugs
\* The write intent the pin passes (as built: always 0 = read).
PinWrite == FutexSharedKey /\ "FP1" \notin Bugs
Pinned(t) == fpc[t] \in {"Key", "Value", "Unpin"}
\* "FutexWake": futex ops include FUTEX_WAKE (kernel/futex.c:futex_wake).
FutexOps == IF "FutexWake" \in Bugs THEN {"WAIT", "WAKE"} ELSE {"WAIT"}

\* do_futex is entered by an origin thread (its own syscall, one of its
\* MaxAccesses) or by a home task taking its remote_work slot
\* (process_server.c:__process_remote_works -> process_remote_futex_request ->
\* do_futex, as the home task: origin mm, at_remote false; process-vma S6).
\* From there on both run the very same actions below.
FutexEntry(t, op) ==
    IF t \in HomeTasks
    THEN /\ pc[t] = IF op = "WAIT" THEN "RemoteWorkWait" ELSE "RemoteWorkWake"
         /\ UNCHANGED accesses
    ELSE /\ FutexOn /\ HomeOf(t) = Origin /\ pc[t] = "Idle" /\ accesses[t] < MaxAccesses
         /\ accesses' = [accesses EXCEPT ![t] = @ + 1]
\* Where the context goes when its futex op returns: an origin thread to user
\* space; a home task to the tail of process_remote_futex_request.
FutexDonePc(t) == IF t \in HomeTasks THEN "FutexRet" ELSE "Idle"

\* kernel/futex.c:futex_wait entry (at its retry: label), origin context.
FutexWaitStart(t) ==
    /\ FutexEntry(t, "WAIT")
    /\ pc' = [pc EXCEPT ![t] = "Futex"]
    /\ fpc' = [fpc EXCEPT ![t] = "Pin"]
    /\ isWrite' = [isWrite EXCEPT ![t] = PinWrite]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, populated, ret, ws,
                   lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* page_server.c:page_server_get_userpage: __start_fault_handling(fault_flags
\* = isWrite[t], not remote) with NO check of PageDistributed, pte_none or
\* pte_same (K2 step 3).  Leader: page not mine (or, fixed, a write pin of a
\* distributed page) -> the claim steps of a local fault (OLeader:
\* ClaimRemotePage / ClaimLocalPage, MakePteValid); page mine -> pinned at
\* once.  Follower -> sleeps on waits.  NULL -> io_schedule, retry (K2 step 4).
PageServerGetUserpage(t) ==
    LET w == isWrite[t]
        d == FhDecision(Origin, w, FALSE)
        claims == ~Mine \/ (w /\ distributed) IN
    /\ pc[t] = "Futex" /\ fpc[t] = "Pin"
    /\ CASE d = "LEADER" /\ claims ->
              /\ fh' = [fh EXCEPT ![Origin] = NewFh(w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = "OLeader"]
              /\ UNCHANGED <<pte, fpc, bugsHit>>
         [] d = "LEADER" ->   \* page mine: nothing to claim (fixed write pin: make it writable)
              /\ fh' = [fh EXCEPT ![Origin] = NewFh(w, FALSE, TaskCtx(t))]
              /\ pte' = [pte EXCEPT ![Origin] = IF w /\ @ = "RO" THEN "RW" ELSE @]
              /\ fpc' = [fpc EXCEPT ![t] = "Key"]
              /\ UNCHANGED <<pc, bugsHit>>
         [] d = "FOLLOW" ->
              /\ fh' = [fh EXCEPT ![Origin] = JoinFh(Origin, w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = "FollowWait"]
              /\ UNCHANGED <<pte, fpc, bugsHit>>
         [] d = "WAITRETRY" ->
              /\ fh' = [fh EXCEPT ![Origin] = SleepRetryFh(Origin, w, FALSE, TaskCtx(t))]
              /\ pc' = [pc EXCEPT ![t] = "WaitRetry"]
              /\ UNCHANGED <<pte, fpc, bugsHit>>
         [] d = "RETRY" ->
              /\ pc' = [pc EXCEPT ![t] = "Backoff"]
              /\ UNCHANGED <<pte, fh, fpc, bugsHit>>
         [] OTHER ->
              /\ bugsHit' = bugsHit \cup {"InvalidAction"}
              /\ pc' = [pc EXCEPT ![t] = "Oops"]
              /\ UNCHANGED <<pte, fh, fpc>>
    /\ UNCHANGED <<frame, owners, distributed, view, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, envOps, dontneedFwd, releaseFwd>>

\* page_server_get_userpage returns the handle: a leader after its claim
\* (MakePteValid), or a follower woken by a leaving holder (it does not look
\* at the PTE again, K2 step 5).  up_read(mmap_sem); the handle is kept.
FutexPinned(t) ==
    /\ pc[t] = "Finish" /\ fpc[t] = "Pin"
    /\ pc' = [pc EXCEPT ![t] = "Futex"]
    /\ fpc' = [fpc EXCEPT ![t] = "Key"]
    /\ ret' = [ret EXCEPT ![t] = "OK"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* futex_wait_setup -> get_futex_key (K3).  Private key: no access, on to
\* get_futex_value_locked.  Shared key: get_user_pages_fast(FOLL_WRITE), a
\* WRITE access of the word by this thread (pc "Access"): the fast path
\* when the PTE is writable (GupFollowPage), else the fault path of a user
\* write (HandlePteFault / StartFaultHandling), which finds the pin's handle.
\* futex_wake (fpc "WakeKey") calls the same get_futex_key without a pin: a
\* shared key is an ordinary write fault of this context when the PTE is not
\* writable; a private key touches no memory (fpc "Wake" at once).
FutexGetKey(t) ==
    LET wait == fpc[t] = "Key" IN
    /\ pc[t] = "Futex" /\ fpc[t] \in {"Key", "WakeKey"}
    /\ pc' = [pc EXCEPT ![t] = IF FutexSharedKey \/ wait THEN "Access" ELSE "Futex"]
    /\ isWrite' = [isWrite EXCEPT ![t] = FutexSharedKey]
    /\ fpc' = [fpc EXCEPT ![t] = IF FutexSharedKey THEN @ ELSE IF wait THEN "Value" ELSE "Wake"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* mm/gup.c:follow_page_mask finds the writable PTE: the key is computed
\* (futex_wait: on to the value read; futex_wake: on to the wake).
GupFollowPage(t) ==
    /\ pc[t] = "Access" /\ fpc[t] \in {"Key", "WakeKey"} /\ isWrite[t] /\ Permits(Origin, TRUE)
    /\ fpc' = [fpc EXCEPT ![t] = IF @ = "Key" THEN "Value" ELSE "Wake"]
    /\ pc' = [pc EXCEPT ![t] = IF fpc[t] = "Key" THEN "Access" ELSE "Futex"]
    /\ isWrite' = [isWrite EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* futex_wait_setup -> get_futex_value_locked: the word is read (the futex
\* queue itself is not modelled: queued, EAGAIN and woken all end the same
\* way for the page).  Not readable -> -EFAULT, get_user: an ordinary read
\* fault of this thread (then the read is retried; the kernel also redoes
\* get_futex_key, a simplification).
FutexReadValue(t) ==
    /\ pc[t] = "Access" /\ fpc[t] = "Value" /\ Permits(Origin, FALSE)
    /\ pc' = [pc EXCEPT ![t] = "Futex"]
    /\ fpc' = [fpc EXCEPT ![t] = "Unpin"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* page_server.c:page_server_put_userpage -> __finish_fault_handling: the
\* pin leaves fh[Origin] (as FinishFaultHandling); futex_wait returns.
PageServerPutUserpage(t) ==
    /\ pc[t] = "Futex" /\ fpc[t] = "Unpin"
    /\ fh' = [fh EXCEPT ![Origin] = FhAfterLeave(Origin, TaskCtx(t))]
    /\ pc' = PcAfterLeave(Origin, [pc EXCEPT ![t] = FutexDonePc(t)])
    /\ ret' = RetAfterLeave(Origin, ret)
    /\ pool' = [pool EXCEPT ![Origin] = PoolAfterLeave(Origin, @)]
    /\ fpc' = [fpc EXCEPT ![t] = "None"]
    /\ isWrite' = [isWrite EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, chan, accesses,
                   populated, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

-----------------------------------------------------------------------------
(*************** futex_wake, at the origin and forwarded (S4.8) *************)
\* kernel/futex.c:futex_wake entry: no page_server hook, no pin.
FutexWakeStart(t) ==
    /\ "WAKE" \in FutexOps
    /\ FutexEntry(t, "WAKE")
    /\ pc' = [pc EXCEPT ![t] = "Futex"]
    /\ fpc' = [fpc EXCEPT ![t] = "WakeKey"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, populated, ret,
                   ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

\* kernel/futex.c:futex_wake once get_futex_key returned: hash bucket, wake
\* the matching waiters, put_futex_key.  The word is not accessed.  The futex
\* hash queue stays abstract, as for futex_wait: queued, EAGAIN and woken end
\* the same way for the page, so whom it wakes changes nothing here.
FutexWake(t) ==
    /\ pc[t] = "Futex" /\ fpc[t] = "Wake"
    /\ pc' = [pc EXCEPT ![t] = FutexDonePc(t)]
    /\ fpc' = [fpc EXCEPT ![t] = "None"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd>>

-----------------------------------------------------------------------------
(*********** futex ops forwarded from a remote (process-vma S6) ************)
(* "FutexFwd": a remote thread's futex syscall is sent to the origin and    *)
(* run there by its home task (context NT + t), through the actions above. *)
\* FUTEX_REQUEST carries the op (data: FUTEX_WAIT 0, FUTEX_WAKE 1, the kernel's
\* op numbers; FUTEX_PRIVATE_FLAG follows the model's key kind) and the
\* caller's wait station; FUTEX_RESPONSE its station and do_futex's return
\* value (abstract: "OK").
FutexReq(i, op) == [type |-> "FREQ", ws |-> i, write |-> FALSE, result |-> "NONE",
                    data |-> IF op = "WAIT" THEN 0 ELSE 1]
FutexResp(i) == [type |-> "FRESP", ws |-> i, write |-> FALSE, result |-> "OK", data |-> -1]

\* kernel/futex.c SYSCALL futex at a remote -> process_server.c:
\* process_server_do_futex_at_remote: pcn_kmsg_send(FUTEX_REQUEST) to the
\* origin (the same per-pair FIFO as the page messages), then wait_at_station
\* (uninterruptible; its 300 s timeout is not modelled: the wait ends only
\* with FUTEX_RESPONSE).
ProcessServerDoFutexAtRemote(t, op) ==
    /\ FutexFwdOn /\ FutexOn /\ HomeOf(t) # Origin /\ pc[t] = "Idle" /\ accesses[t] < MaxAccesses
    /\ chan' = Send(chan, HomeOf(t), Origin, FutexReq(t, op))
    /\ ws' = [ws EXCEPT ![t] = [WsIdle EXCEPT !.count = 1]]
    /\ pc' = [pc EXCEPT ![t] = "RFutexWait"]
    /\ accesses' = [accesses EXCEPT ![t] = @ + 1]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, pool, isWrite, populated, ret,
                   lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* process_server.c:process_remote_futex_request after do_futex returned:
\* pcn_kmsg_post(FUTEX_RESPONSE) to current->remote_nid; the home task goes
\* back to __process_remote_works.
ProcessRemoteFutexRequest(h) ==
    /\ pc[h] = "FutexRet"
    /\ chan' = Send(chan, Origin, HomeOf(HomeTaskOf(h)), FutexResp(HomeTaskOf(h)))
    /\ pc' = [pc EXCEPT ![h] = "Idle"]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, pool, isWrite, accesses, populated,
                   ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* process_server_do_futex_at_remote after wait_at_station: ret = res->ret,
\* pcn_kmsg_done; the syscall returns.
RemoteFutexComplete(t) ==
    /\ pc[t] = "RFutexWait" /\ ws[t].count = 0
    /\ pc' = [pc EXCEPT ![t] = "Idle"]
    /\ ws' = [ws EXCEPT ![t] = WsIdle]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, chan, pool, isWrite, accesses,
                   populated, ret, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* Every step of context t inside do_futex (its faults are ThreadStep's).
FutexStep(t) ==
    \/ PageServerGetUserpage(t) \/ FutexPinned(t) \/ FutexGetKey(t)
    \/ GupFollowPage(t) \/ FutexReadValue(t) \/ PageServerPutUserpage(t)
    \/ FutexWake(t)

\* The home task's own steps: take the slot (enter do_futex), answer.
HomeTaskStep(h) ==
    FutexWaitStart(h) \/ FutexWakeStart(h) \/ ProcessRemoteFutexRequest(h)

-----------------------------------------------------------------------------
(***************************** transport ***********************************)

\* pcn_kmsg receive kthread of b for peer a: responses and acks are handled
\* inline (handle_remote_page_response, handle_page_invalidate_response:
\* store the result, pendings_count - 1); requests and invalidations become
\* pcn_wq work items (__handle_popcorn_work).
Deliver(a, b) ==
    LET m == Head(chan[a][b]) IN
    /\ chan[a][b] # <<>>
    /\ chan' = [chan EXCEPT ![a][b] = Tail(@)]
    /\ CASE m.type \in {"REQ", "INV"} ->
              /\ pool' = [pool EXCEPT ![b] = @ \cup {NewWorker(m.type, a, m)}]
              /\ UNCHANGED <<ws, pc, bugsHit>>
         [] m.type = "FREQ" ->   \* handle_remote_futex_request -> request_remote_work(origin_pid)
              LET h == NT + m.ws IN
              /\ IF pc[h] = "Idle"  \* slot := req; complete(&remote_work_pended)
                 THEN /\ pc' = [pc EXCEPT ![h] = IF m.data = 0 THEN "RemoteWorkWait" ELSE "RemoteWorkWake"]
                      /\ UNCHANGED bugsHit
                 ELSE /\ bugsHit' = bugsHit \cup {"RemoteWorkBusy"}   \* BUG_ON(tsk->remote_work)
                      /\ UNCHANGED pc
              /\ UNCHANGED <<ws, pool>>
         [] OTHER ->   \* inline: page response / ack / handle_remote_futex_response
              /\ ws' = [ws EXCEPT ![m.ws] =
                          IF m.type = "ACK" THEN [@ EXCEPT !.count = @ - 1]
                          ELSE [@ EXCEPT !.count = @ - 1, !.result = m.result, !.data = m.data]]
              /\ UNCHANGED <<pool, pc, bugsHit>>
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, isWrite, accesses,
                   populated, ret, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

-----------------------------------------------------------------------------
(***************************** origin workers ******************************)

ReplaceWorker(P, w, w2) == (P \ {w}) \cup {w2}

\* mm/memory.c:handle_pte_fault_origin from __handle_remotefault_at_origin:
\* a remote's first touch, origin PTE NONE: zeroed anonymous page,
\* writable (VM_WRITE), then "goto again" (S4.2 step 5).
HandlePteFaultOriginW(w) ==
    /\ w.type = "REQ" /\ w.stage = "Start" /\ pte[Origin] = "NONE"
    /\ pte' = [pte EXCEPT ![Origin] = "RW"]
    /\ frame' = [frame EXCEPT ![Origin] = 0]
    /\ UNCHANGED <<owners, distributed, view, fh, chan, pool, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

\* process_remote_page_request -> __handle_remotefault_at_origin: take the
\* fault handle with PC_FAULT_FLAG_REMOTE (S4.2 step 6).  NULL ->
\* VM_FAULT_RETRY (answered by PostResponse), possibly after waiting.
ServeAtOriginStartW(w) ==
    LET d == FhDecision(Origin, w.write, TRUE) IN
    /\ w.type = "REQ" /\ w.stage = "Start" /\ pte[Origin] # "NONE"
    /\ CASE d = "LEADER" ->
              /\ fh' = [fh EXCEPT ![Origin] = NewFh(w.write, TRUE, WorkCtx(Origin, w))]
              /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Decide"])]
              /\ UNCHANGED bugsHit
         [] d = "RETRY" ->
              /\ pool' = [pool EXCEPT ![Origin] =
                            ReplaceWorker(@, w, [w EXCEPT !.stage = "Respond", !.result = "RETRY"])]
              /\ UNCHANGED <<fh, bugsHit>>
         [] d = "WAITRETRY" ->
              /\ fh' = [fh EXCEPT ![Origin] = SleepRetryFh(Origin, w.write, TRUE, WorkCtx(Origin, w))]
              /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "WaitRetry"])]
              /\ UNCHANGED bugsHit
         [] OTHER ->   \* INVALID (or FOLLOW, which no remote-fault row has)
              /\ bugsHit' = bugsHit \cup {"InvalidAction"}
              /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
              /\ UNCHANGED fh
    /\ UNCHANGED <<pte, frame, owners, distributed, view, chan, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_remotefault_at_origin leader decision, branches (G) and (L)
\* (S4.2 step 8): requester owns it -> BUG_ON(read) ("Read fault from
\* owner??"), __claim_local_page(except = requester), grant; origin owns it
\* -> write: __claim_local_page(except = origin); read: nothing.
ServeAtOriginDecideW(w) ==
    LET G == w.from \in owners
        S == IF G THEN owners \ {w.from, Origin}
             ELSE IF w.write THEN owners \ {Origin} ELSE {} IN
    /\ w.type = "REQ" /\ w.stage = "Decide" /\ (G \/ Mine)
    /\ IF G /\ ~w.write
       THEN /\ bugsHit' = bugsHit \cup {"ReadFaultFromOwner"}
            /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
            /\ UNCHANGED <<owners, chan, ws>>
       ELSE /\ owners' = owners \ S
            /\ chan' = SendInvs(chan, S, WorkerWs(w))
            /\ ws' = [ws EXCEPT ![WorkerWs(w)] = [WsIdle EXCEPT !.count = Cardinality(S)]]
            /\ pool' = [pool EXCEPT ![Origin] =
                          ReplaceWorker(@, w, [w EXCEPT !.stage = "ClaimWait", !.grant = G])]
            /\ UNCHANGED bugsHit
    /\ UNCHANGED <<pte, frame, distributed, view, fh, pc, isWrite, accesses,
                   populated, ret, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_remotefault_at_origin branch (C): origin does not own the page,
\* __claim_remote_page from the owner src (peers == 0 -> panic).
ServeAtOriginClaimRemoteW(w, src) ==
    /\ w.type = "REQ" /\ w.stage = "Decide" /\ w.from \notin owners /\ ~Mine
    /\ IF ClaimPeers = {}
       THEN /\ src = -1
            /\ bugsHit' = bugsHit \cup {"NoPeers"}
            /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
            /\ UNCHANGED <<owners, chan, ws>>
       ELSE /\ src \in ClaimPeers
            /\ owners' = ClaimOwners(src, w.write)
            /\ chan' = ClaimChan(src, w.write, WorkerWs(w))
            /\ ws' = [ws EXCEPT ![WorkerWs(w)] = ClaimWs(src, w.write)]
            /\ pool' = [pool EXCEPT ![Origin] = ReplaceWorker(@, w, [w EXCEPT !.stage = "ClaimWait"])]
            /\ UNCHANGED bugsHit
    /\ UNCHANGED <<pte, frame, distributed, view, fh, pc, isWrite, accesses,
                   populated, ret, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __handle_remotefault_at_origin after the claims (S4.2 steps 9-11): claim
\* tail (as in MakePteValid, B4), DISTRIBUTED + requester bit; write: origin
\* bit off, origin PTE INVALID; read: origin PTE present RO, origin bit on;
\* copy the frame unless granted; __finish_fault_handling.  The response is
\* posted later (PostResponse): the B12 gap.
ServeAtOriginUpdateW(w) ==
    LET i == WorkerWs(w)
        s == ws[i].src
        f1 == IF s # -1 /\ ws[i].result = "OK" /\ pte[Origin] # "NONE" THEN ws[i].data ELSE frame[Origin]
        o1 == IF s # -1 /\ w.write THEN owners \ {s} ELSE owners
        o2 == IF w.write THEN (o1 \cup {w.from}) \ {Origin} ELSE o1 \cup {w.from, Origin}
        w2 == [w EXCEPT !.stage = "Respond",
                        !.result = IF w.grant THEN "CONTINUE" ELSE "OK",
                        !.data = IF w.grant THEN -1 ELSE f1] IN
    /\ w.type = "REQ" /\ w.stage = "ClaimWait" /\ ws[i].count = 0
    /\ frame' = [frame EXCEPT ![Origin] = f1]
    /\ pte' = [pte EXCEPT ![Origin] =
                 IF w.write THEN (IF @ = "NONE" THEN "NONE" ELSE "INV") ELSE "RO"]
    /\ distributed' = TRUE
    /\ owners' = o2
    /\ ws' = [ws EXCEPT ![i] = WsIdle]
    /\ fh' = [fh EXCEPT ![Origin] = FhAfterLeave(Origin, WorkCtx(Origin, w))]
    /\ pc' = PcAfterLeave(Origin, pc)
    /\ ret' = RetAfterLeave(Origin, ret)
    /\ pool' = [pool EXCEPT ![Origin] = PoolAfterLeave(Origin, ReplaceWorker(@, w, w2))]
    /\ UNCHANGED <<view, chan, isWrite, accesses, populated, lastWritten, bugsHit,
                   envOps, dontneedFwd, releaseFwd, fpc>>

\* process_remote_page_request tail: post REMOTE_PAGE_RESPONSE (result 0,
\* data) or _SHORT (any other result) to the requester; the work item ends.
\* At the origin the requester is a remote thread, at a remote the origin.
PostResponseW(n, w) ==
    /\ w.type = "REQ" /\ w.stage = "Respond"
    /\ chan' = Send(chan, n, w.from, Resp(w.ws, w.result, w.data))
    /\ pool' = [pool EXCEPT ![n] = @ \ {w}]
    /\ UNCHANGED <<pte, frame, owners, distributed, view, fh, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, releaseFwd, fpc>>

-----------------------------------------------------------------------------
(***************************** remote workers ******************************)

\* process_remote_page_request -> __handle_remotefault_at_remote (S4.5):
\* fault handle (REMOTE); NULL -> VM_FAULT_LOCKED, the worker restarts
\* (WAIT rows: after the handle is unhashed).  PTE NONE -> VM_FAULT_SIGSEGV,
\* as built WITHOUT finishing the handle (B1).  BUG_ON(!page_is_mine).
\* write: own bit off, PTE INVALID; read: PTE read-only; copy the frame;
\* __finish_fault_handling.
ServeAtRemoteW(n, w) ==
    LET d == FhDecision(n, w.write, TRUE)
        wData == [w EXCEPT !.stage = "Respond", !.result = "OK", !.data = frame[n]]
        wSegv == [w EXCEPT !.stage = "Respond", !.result = "SIGSEGV"]
        fhL == [fh EXCEPT ![n] = NewFh(w.write, TRUE, WorkCtx(n, w))] IN
    /\ w.type = "REQ" /\ w.stage = "Start" /\ d # "RETRY"
    /\ CASE d = "WAITRETRY" ->
              /\ fh' = [fh EXCEPT ![n] = SleepRetryFh(n, w.write, TRUE, WorkCtx(n, w))]
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "WaitRetry"])]
              /\ UNCHANGED <<pte, view, pc, ret, bugsHit>>
         [] d = "LEADER" /\ pte[n] = "NONE" /\ "B1" \in Bugs ->
              \* handle leaked: pendings stays 1, but the work item ends: no holder
              /\ fh' = [fhL EXCEPT ![n].holders = {}]
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, wSegv)]
              /\ UNCHANGED <<pte, view, pc, ret, bugsHit>>
         [] d = "LEADER" /\ pte[n] = "NONE" ->  \* fixed: finish the handle
              /\ fh' = fh                       \* created and released in one step
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, wSegv)]
              /\ UNCHANGED <<pte, view, pc, ret, bugsHit>>
         [] d = "LEADER" /\ ~RemoteMine(n) ->
              /\ bugsHit' = bugsHit \cup {"NotMine"}
              /\ fh' = fhL
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
              /\ UNCHANGED <<pte, view, pc, ret>>
         [] d = "LEADER" ->
              \* the handle is created and left in this step: nobody else can
              \* have joined it, so leaving it unhashes it (wakes nobody).
              /\ fh' = fh
              /\ pte' = [pte EXCEPT ![n] = IF w.write THEN "INV" ELSE "RO"]
              /\ view' = [view EXCEPT ![n] = [dist |-> TRUE, own |-> IF w.write THEN FALSE ELSE @.own]]
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, wData)]
              /\ UNCHANGED <<pc, ret, bugsHit>>
         [] OTHER ->   \* INVALID row (or FOLLOW, which no remote-fault row has)
              /\ bugsHit' = bugsHit \cup {"InvalidAction"}
              /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
              /\ UNCHANGED <<fh, pte, view, pc, ret>>
    /\ UNCHANGED <<frame, owners, distributed, chan, isWrite, accesses,
                   populated, ws, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* process_page_invalidate_request -> __do_invalidate_page ->
\* __start_invalidation with a handle present: BUG_ON(already INVALIDATE),
\* set FAULT_HANDLE_INVALIDATE and sleep until its users are gone (S4.6).
InvalidateStartW(n, w) ==
    /\ w.type = "INV" /\ w.stage = "Start" /\ fh[n].kind # "NONE"
    /\ IF fh[n].inv
       THEN /\ bugsHit' = bugsHit \cup {"DoubleInvalidate"}
            /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
            /\ UNCHANGED fh
       ELSE /\ fh' = [fh EXCEPT ![n].inv = TRUE]
            /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "InvWait"])]
            /\ UNCHANGED bugsHit
    /\ UNCHANGED <<pte, frame, owners, distributed, view, chan, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

\* __do_invalidate_page rest (no handle, or its last user completed us):
\* own bit off, BUG_ON(!pte_present), PTE INVALID (frame kept),
\* __finish_invalidation (unhash, wake retry waiters); then
\* process_page_invalidate_request posts PAGE_INVALIDATE_RESPONSE.
InvalidateApplyW(n, w) ==
    LET waited == w.stage = "InvWait" IN
    /\ w.type = "INV"
    /\ \/ w.stage = "Start" /\ fh[n].kind = "NONE"
       \/ waited /\ fh[n].users = 0
    /\ view' = [view EXCEPT ![n].own = FALSE]
    /\ IF pte[n] \in {"RO", "RW"}
       THEN /\ pte' = [pte EXCEPT ![n] = "INV"]
            /\ chan' = Send(chan, n, Origin, Ack(w.ws))
            /\ fh' = IF waited THEN [fh EXCEPT ![n] = NoFh] ELSE fh
            /\ pc' = IF waited THEN WakeRetryPc(n, pc) ELSE pc
            /\ pool' = [pool EXCEPT ![n] = IF waited THEN WakeRetryPool(n, @ \ {w}) ELSE @ \ {w}]
            /\ UNCHANGED bugsHit
       ELSE /\ bugsHit' = bugsHit \cup {"InvalidateNotPresent"}
            /\ pool' = [pool EXCEPT ![n] = ReplaceWorker(@, w, [w EXCEPT !.stage = "Oops"])]
            /\ UNCHANGED <<pte, chan, fh, pc>>
    /\ UNCHANGED <<frame, owners, distributed, isWrite, accesses, populated, ret, ws,
                   lastWritten, envOps, dontneedFwd, releaseFwd, fpc>>

-----------------------------------------------------------------------------
(***************** bug actions: zap and release (S4.7, S7) *****************)

\* After MADV_DONTNEED the page of the process reads as zeros: the zap is,
\* for DataValue, a write of 0 (ghost lastWritten := 0).  Copies that
\* survive elsewhere then violate DataValueInv: that is B2.
ZapEffectAtOrigin ==
    /\ pte' = [pte EXCEPT ![Origin] = "NONE"]
    /\ frame' = [frame EXCEPT ![Origin] = NoFrame]
    /\ owners' = {}
    /\ distributed' = FALSE
    /\ lastWritten' = 0

\* madvise(MADV_DONTNEED) at the origin: zap_pte_range ->
\* page_server_zap_pte: ClearPageInfo, no invalidation (B2).
ZapOrigin ==
    /\ "B2o" \in Bugs /\ envOps < MaxEnvOps /\ pte[Origin] # "NONE"
    /\ ZapEffectAtOrigin
    /\ envOps' = envOps + 1
    /\ UNCHANGED <<view, fh, chan, pool, pc, isWrite, accesses, populated, ret, ws,
                   bugsHit, dontneedFwd, releaseFwd, fpc>>

\* madvise(MADV_DONTNEED) at remote n: local zap (local word cleared), then
\* forwarded to the origin (VMA_OP_MADVISE -> ksys_madvise there).
ZapRemote(n) ==
    /\ "B2r" \in Bugs /\ envOps < MaxEnvOps /\ pte[n] # "NONE" /\ n \notin dontneedFwd
    /\ pte' = [pte EXCEPT ![n] = "NONE"]
    /\ frame' = [frame EXCEPT ![n] = NoFrame]
    /\ view' = [view EXCEPT ![n] = [dist |-> FALSE, own |-> FALSE]]
    /\ dontneedFwd' = dontneedFwd \cup {n}
    /\ envOps' = envOps + 1
    /\ UNCHANGED <<owners, distributed, fh, chan, pool, pc, isWrite, accesses, populated,
                   ret, ws, lastWritten, bugsHit, releaseFwd, fpc>>

\* The forwarded MADV_DONTNEED runs at the origin (zap only a non-NONE PTE).
ForwardMadviseDontneed(n) ==
    /\ n \in dontneedFwd
    /\ IF pte[Origin] # "NONE" THEN ZapEffectAtOrigin
       ELSE UNCHANGED <<pte, frame, owners, distributed, lastWritten>>
    /\ dontneedFwd' = dontneedFwd \ {n}
    /\ UNCHANGED <<view, fh, chan, pool, pc, isWrite, accesses, populated, ret, ws,
                   bugsHit, envOps, releaseFwd, fpc>>

\* MADV_RELEASE runs with mmap_sem held for write at its node: no fault
\* and no worker of that node is inside the page server.
NodeQuiet(n) ==
    /\ \A t \in Tasks : HomeOf(t) = n => pc[t] \in {"Idle", "Access", "Backoff"}
    /\ \A w \in pool[n] : w.stage \in {"Start", "Respond"}

\* page_server_release_page_ownership at the origin (B6).
MadviseReleaseOrigin ==
    /\ "B6" \in Bugs /\ envOps < MaxEnvOps /\ pte[Origin] \in {"RO", "RW"} /\ NodeQuiet(Origin)
    /\ pte' = [pte EXCEPT ![Origin] = "INV"]
    /\ owners' = owners \ {Origin}
    /\ envOps' = envOps + 1
    /\ UNCHANGED <<frame, distributed, view, fh, chan, pool, pc, isWrite, accesses, populated,
                   ret, ws, lastWritten, bugsHit, dontneedFwd, releaseFwd, fpc>>

\* page_server_release_page_ownership at remote n (B5); forwarded later.
MadviseReleaseRemote(n) ==
    /\ "B5" \in Bugs /\ envOps < MaxEnvOps /\ pte[n] \in {"RO", "RW"} /\ NodeQuiet(n)
    /\ n \notin releaseFwd
    /\ pte' = [pte EXCEPT ![n] = "INV"]
    /\ view' = [view EXCEPT ![n].own = FALSE]
    /\ releaseFwd' = releaseFwd \cup {n}
    /\ envOps' = envOps + 1
    /\ UNCHANGED <<frame, owners, distributed, fh, chan, pool, pc, isWrite, accesses, populated,
                   ret, ws, lastWritten, bugsHit, dontneedFwd, fpc>>

\* process_madvise_release_from_remote at the origin: clear n's bit if the
\* origin PTE is not NONE (no fault handle, no other check).
ReleaseFromRemote(n) ==
    /\ n \in releaseFwd
    /\ owners' = IF pte[Origin] # "NONE" THEN owners \ {n} ELSE owners
    /\ releaseFwd' = releaseFwd \ {n}
    /\ UNCHANGED <<pte, frame, distributed, view, fh, chan, pool, pc, isWrite, accesses,
                   populated, ret, ws, lastWritten, bugsHit, envOps, dontneedFwd, fpc>>

-----------------------------------------------------------------------------
(* Work items are named by (node, sender, station): unique in a pool, and  *)
(* constant sets, so a transition label is the action name + these ids.   *)
WorkerAt(n, ty, f, i) == {w \in pool[n] : w.type = ty /\ w.from = f /\ w.ws = i}

\* Origin work items: a request from remote f's thread with station i.
HandlePteFaultOrigin(f, i)        == \E w \in WorkerAt(Origin, "REQ", f, i) : HandlePteFaultOriginW(w)
ServeAtOriginStart(f, i)          == \E w \in WorkerAt(Origin, "REQ", f, i) : ServeAtOriginStartW(w)
ServeAtOriginDecide(f, i)         == \E w \in WorkerAt(Origin, "REQ", f, i) : ServeAtOriginDecideW(w)
ServeAtOriginClaimRemote(f, i, src) == \E w \in WorkerAt(Origin, "REQ", f, i) : ServeAtOriginClaimRemoteW(w, src)
ServeAtOriginUpdate(f, i)         == \E w \in WorkerAt(Origin, "REQ", f, i) : ServeAtOriginUpdateW(w)
\* Any node n: post the response of the request from f with station i.
PostResponse(n, f, i)             == \E w \in WorkerAt(n, "REQ", f, i) : PostResponseW(n, w)
\* Remote work items: a request / invalidation from the origin waiter with station i.
ServeAtRemote(n, i)               == \E w \in WorkerAt(n, "REQ", Origin, i) : ServeAtRemoteW(n, w)
InvalidateStart(n, i)             == \E w \in WorkerAt(n, "INV", Origin, i) : InvalidateStartW(n, w)
InvalidateApply(n, i)             == \E w \in WorkerAt(n, "INV", Origin, i) : InvalidateApplyW(n, w)

Sources == -1..(N - 1)

\* Everything a thread does once its access has begun.
ThreadStep(t) ==
    \/ UserRead(t) \/ UserWrite(t)
    \/ HandlePteFault(t) \/ StartFaultHandling(t) \/ BackoffRetry(t)
    \/ RacyExitAtOrigin(t) \/ ClaimLocalPage(t)
    \/ \E src \in Sources : ClaimRemotePage(t, src)
    \/ MakePteValid(t)
    \/ FetchPageFromOrigin(t) \/ RemoteFaultComplete(t)
    \/ FinishFaultHandling(t)
    \/ FutexStep(t)
    \/ RemoteFutexComplete(t)

\* Every step of the origin work item serving remote f's thread with station i.
OriginWorkerStep(f, i) ==
    \/ HandlePteFaultOrigin(f, i)
    \/ ServeAtOriginStart(f, i)
    \/ ServeAtOriginDecide(f, i)
    \/ \E src \in Sources : ServeAtOriginClaimRemote(f, i, src)
    \/ ServeAtOriginUpdate(f, i)
    \/ PostResponse(Origin, f, i)

\* Every step of the work item at remote n for the origin waiter with station i.
RemoteWorkerStep(n, i) ==
    \/ ServeAtRemote(n, i)
    \/ PostResponse(n, Origin, i)
    \/ InvalidateStart(n, i)
    \/ InvalidateApply(n, i)

Next ==
    \/ \E t \in Threads, w \in BOOLEAN : BeginAccess(t, w)
    \/ \E t \in Threads : UserRead(t)
    \/ \E t \in Threads : UserWrite(t)
    \/ \E t \in Tasks : HandlePteFault(t)
    \/ \E t \in Tasks : StartFaultHandling(t)
    \/ \E t \in Tasks : BackoffRetry(t)
    \/ \E t \in Tasks : RacyExitAtOrigin(t)
    \/ \E t \in Tasks : ClaimLocalPage(t)
    \/ \E t \in Tasks, src \in Sources : ClaimRemotePage(t, src)
    \/ \E t \in Tasks : MakePteValid(t)
    \/ \E t \in Threads : FetchPageFromOrigin(t)
    \/ \E t \in Threads : RemoteFaultComplete(t)
    \/ \E t \in Tasks : FinishFaultHandling(t)
    \/ \E a \in Nodes, b \in Nodes : Deliver(a, b)
    \/ \E f \in Remotes, i \in Threads : HandlePteFaultOrigin(f, i)
    \/ \E f \in Remotes, i \in Threads : ServeAtOriginStart(f, i)
    \/ \E f \in Remotes, i \in Threads : ServeAtOriginDecide(f, i)
    \/ \E f \in Remotes, i \in Threads, src \in Sources : ServeAtOriginClaimRemote(f, i, src)
    \/ \E f \in Remotes, i \in Threads : ServeAtOriginUpdate(f, i)
    \/ \E n \in Nodes, f \in Nodes, i \in WsIds : PostResponse(n, f, i)
    \/ \E n \in Remotes, i \in WsIds : ServeAtRemote(n, i)
    \/ \E n \in Remotes, i \in WsIds : InvalidateStart(n, i)
    \/ \E n \in Remotes, i \in WsIds : InvalidateApply(n, i)
    \/ ZapOrigin
    \/ \E n \in Remotes : ZapRemote(n)
    \/ \E n \in Remotes : ForwardMadviseDontneed(n)
    \/ MadviseReleaseOrigin
    \/ \E n \in Remotes : MadviseReleaseRemote(n)
    \/ \E n \in Remotes : ReleaseFromRemote(n)
    \/ \E t \in Tasks : FutexWaitStart(t)
    \/ \E t \in Tasks : PageServerGetUserpage(t)
    \/ \E t \in Tasks : FutexPinned(t)
    \/ \E t \in Tasks : FutexGetKey(t)
    \/ \E t \in Tasks : GupFollowPage(t)
    \/ \E t \in Tasks : FutexReadValue(t)
    \/ \E t \in Tasks : PageServerPutUserpage(t)
    \/ \E t \in Tasks : FutexWakeStart(t)
    \/ \E t \in Tasks : FutexWake(t)
    \/ \E t \in Threads, op \in FutexOps : ProcessServerDoFutexAtRemote(t, op)
    \/ \E h \in HomeTasks : ProcessRemoteFutexRequest(h)
    \/ \E t \in Threads : RemoteFutexComplete(t)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************** fairness ************************************)
(* Fairness is per work item (node, sender, station): the kernel's        *)
(* workqueue runs every item eventually.                                   *)
\* The re-executed instruction (after a fault returned) and everything the
\* kernel does for a begun access.  No fairness on BeginAccess: a thread may
\* stay idle.  Environment (bug) actions get no fairness.
WeakFairness ==
    /\ \A t \in Tasks : WF_vars(ThreadStep(t))
    /\ \A h \in HomeTasks : WF_vars(HomeTaskStep(h))
    /\ \A n \in Remotes : WF_vars(Deliver(Origin, n)) /\ WF_vars(Deliver(n, Origin))
    /\ \A f \in Remotes, i \in Threads : WF_vars(OriginWorkerStep(f, i))
    /\ \A n \in Remotes, i \in WsIds : WF_vars(RemoteWorkerStep(n, i))

FairSpec == Spec /\ WeakFairness

\* Strong fairness on the user access itself: an instruction whose PTE
\* keeps becoming valid is eventually executed (hardware re-executes it at
\* once after the fault returns; the kernel does not enforce it).
\* For a futex context the re-executed access is gup's follow_page after its
\* fault (GupFollowPage) or the locked value read (FutexReadValue).
StrongFairSpec == FairSpec /\ \A t \in Tasks :
    SF_vars(UserRead(t) \/ UserWrite(t) \/ GupFollowPage(t) \/ FutexReadValue(t))

-----------------------------------------------------------------------------
(***************************** invariants **********************************)
PteStates == {"NONE", "INV", "RO", "RW"}
Results == {"NONE", "OK", "CONTINUE", "RETRY", "SIGSEGV"}
Stages == {"Start", "WaitRetry", "Decide", "ClaimWait", "Respond", "InvWait", "Oops"}
Pcs == {"Idle", "Access", "Backoff", "FollowWait", "WaitRetry", "OLeader", "OClaimWait",
        "RLeader", "RWait", "Finish", "Oops", "Futex",
        "RFutexWait", "RemoteWorkWait", "RemoteWorkWake", "FutexRet"}
Msgs == [type : {"REQ", "RESP", "SHORT", "INV", "ACK", "FREQ", "FRESP"}, ws : WsIds,
         write : BOOLEAN, result : Results, data : Values \cup {-1, 0, 1}]

TypeOK ==
    /\ pte \in [Nodes -> PteStates]
    /\ frame \in [Nodes -> Values \cup {NoFrame}]
    /\ \A n \in Nodes : (pte[n] # "NONE") <=> (frame[n] # NoFrame)
    /\ owners \subseteq Nodes
    /\ distributed \in BOOLEAN
    /\ view \in [Nodes -> [dist : BOOLEAN, own : BOOLEAN]]
    /\ \A n \in Nodes : fh[n].kind \in {"NONE", "L", "R"} /\ fh[n].users \in 0..(Cardinality(Tasks) + 2)
                        /\ fh[n].limit \in 0..(MaxFollowers + 2) /\ fh[n].ret \in {"OK", "RETRY"}
                        /\ fh[n].holders \cup fh[n].waits \cup fh[n].waitsRetry \subseteq Contexts
    /\ \A a, b \in Nodes : \A i \in 1..Len(chan[a][b]) : chan[a][b][i] \in Msgs
    /\ \A n \in Nodes : \A w \in pool[n] : w.type \in {"REQ", "INV"} /\ w.stage \in Stages
    /\ pc \in [Tasks -> Pcs]
    /\ isWrite \in [Tasks -> BOOLEAN]
    /\ accesses \in [Tasks -> 0..MaxAccesses]
    /\ populated \in [Tasks -> BOOLEAN]
    /\ ret \in [Tasks -> {"OK", "RETRY"}]
    /\ \A i \in WsIds : ws[i].count \in 0..N /\ ws[i].src \in -1..(N - 1)
    /\ lastWritten \in Values
    /\ envOps \in 0..MaxEnvOps
    /\ fpc \in [Tasks -> {"None", "Pin", "Key", "Value", "Unpin", "WakeKey", "Wake"}]

\* SWMR: a writable PTE excludes every other readable one.
SingleWriterInv ==
    \A n \in Nodes : pte[n] = "RW" => \A m \in Nodes \ {n} : pte[m] \in {"NONE", "INV"}

\* Every readable copy holds the last written value.
DataValueInv ==
    \A n \in Nodes : pte[n] \in {"RO", "RW"} => frame[n] = lastWritten

InFlight(a, b, P(_)) == \E i \in 1..Len(chan[a][b]) : P(chan[a][b][i])
\* A response is on its way to remote n, or n's fault is being served.
ResponsePendingFor(n) ==
    \/ \E t \in Threads : HomeOf(t) = n /\ pc[t] \in {"RLeader", "RWait"}
\* An invalidation of n has been decided but not applied yet.
InvalidationPendingFor(n) ==
    \/ InFlight(Origin, n, LAMBDA m : m.type = "INV")
    \/ \E w \in pool[n] : w.type = "INV"

\* S9.4 DirectorySound with its transitional disjuncts.
DirectorySoundInv ==
    /\ (distributed /\ pte[Origin] # "NONE") => owners # {}
    /\ \A n \in owners : frame[n] = lastWritten \/ (n # Origin /\ ResponsePendingFor(n))
    /\ \A n \in Nodes : pte[n] \in {"RO", "RW"} =>
           \/ n \in owners
           \/ n = Origin /\ ~distributed          \* local-only page (never shared)
           \/ n # Origin /\ InvalidationPendingFor(n)

\* No INVALID fh_action row and no other sanity BUG_ON reached.
NoInvalidActionInv == bugsHit = {}

\* Nobody sleeps on a handle that is no longer hashed.
FollowersReleasedInv ==
    /\ \A t \in Tasks : pc[t] \in {"FollowWait", "WaitRetry"} => fh[HomeOf(t)].kind # "NONE"
    /\ \A n \in Nodes : \A w \in pool[n] : w.stage \in {"WaitRetry", "InvWait"} => fh[n].kind # "NONE"

Quiescent ==
    /\ \A t \in Tasks : pc[t] = "Idle"
    /\ \A a, b \in Nodes : chan[a][b] = <<>>
    /\ \A n \in Nodes : pool[n] = {}

\* Once everything is quiet no fault handle is left hashed (B1 breaks it).
HandlesReleasedInv == Quiescent => \A n \in Nodes : fh[n].kind = "NONE"

\* Replies still expected by station i: requests/replies carrying i in the
\* channels plus work items serving i (an origin worker carries its
\* requester's station, a remote worker the origin waiter's).  A work item
\* stopped by a BUG_ON still counts: that loss is NoInvalidActionInv's.
ChanSlots == UNION {{<<a, b, k>> : k \in 1..Len(chan[a][b])} : a \in Nodes, b \in Nodes}
PoolSlots == UNION {{<<n, w>> : w \in pool[n]} : n \in Nodes}
\* A forwarded futex op of thread i is still due while its home task holds it.
Pending(i) ==
    Cardinality({p \in ChanSlots : chan[p[1]][p[2]][p[3]].ws = i})
    + Cardinality({p \in PoolSlots : p[2].ws = i})
    + Cardinality({h \in HomeTasks : HomeTaskOf(h) = i /\ pc[h] # "Idle"})
WaitCountMatchesInv == \A i \in WsIds : ws[i].count = Pending(i)

\* A work item waiting for the last holder to leave (__start_invalidation
\* sleeps on fh->complete): not a holder, counted among the sleepers.
InvWaiters(n) == {WorkCtx(n, w) : w \in {v \in pool[n] : v.type = "INV" /\ v.stage = "InvWait"}}
Sleepers(n) == fh[n].waits \cup fh[n].waitsRetry \cup (IF fh[n].users > 0 THEN InvWaiters(n) ELSE {})
\* A context stopped by a BUG_ON (pc / stage "Oops") never steps again.
Stopped(c) ==
    CASE c[1] = "thread" -> pc[c[2]] = "Oops"
      [] c[1] = "home" -> pc[NT + c[2]] = "Oops"
      [] OTHER -> \E w \in pool[c[2]] : WorkCtx(c[2], w) = c /\ w.stage = "Oops"
\* Context c (holding fh[n], or the invalidation that will unhash it) can
\* step without being woken from fh[n]: it is not asleep on the handle and
\* not stopped.  Waiting for a page response / acks counts as awake: a
\* message (Deliver) ends that wait.
Awake(n, c) == c \notin Sleepers(n) /\ ~Stopped(c)
\* Who can end the sleep of c on fh[n]: an OTHER holder (leaving wakes
\* fh->waits; the last one to leave unhashes and wakes fh->waits_retry), or
\* an invalidation that no longer waits (it unhashes the handle).
CanWake(n, c) ==
    \/ \E h \in fh[n].holders \ {c} : Awake(n, h)
    \/ c \in fh[n].waitsRetry /\ fh[n].users = 0 /\ InvWaiters(n) # {}

\* The kernel's counter: pendings = the holders the model tracks (leader,
\* admitted followers, the futex pin); followers on fh->waits hold it; an
\* unhashed handle has no holder or sleeper.  B1 breaks it: the leaked
\* handle keeps pendings 1 after its work item is gone.
HoldersMatchPendingsInv ==
    \A n \in Nodes :
        /\ fh[n].users = Cardinality(fh[n].holders)
        /\ fh[n].waits \subseteq fh[n].holders
        /\ fh[n].kind = "NONE" => fh[n].holders \cup fh[n].waitsRetry = {}

\* No context sleeps on fh->waits_retry of a handle it holds: that queue is
\* woken only when the handle is unhashed, i.e. when its LAST holder leaves,
\* so it would wait for itself (the futex pin as built, FP1, kmeans-1).
NoSelfWaitInv == \A n \in Nodes : fh[n].waitsRetry \cap fh[n].holders = {}

\* Every context asleep on fh->waits (a follower) can be woken by a step
\* of another context or by a message.
FollowerWakeableInv == \A n \in Nodes : \A c \in fh[n].waits : CanWake(n, c)
\* Every context asleep on a fault handle -- fh->waits, fh->waits_retry, or
\* an invalidation waiting for the last holder -- can be woken by a step of
\* another context or by a message (issue 8).
WaitsWakeableInv == \A n \in Nodes : \A c \in Sleepers(n) : CanWake(n, c)
\* Former name (futex branch), kept for the cfgs.
HandleWaitsWakeableInv == NoSelfWaitInv /\ WaitsWakeableInv
\* Pins exist only at the origin.
PinOnlyAtOriginInv == \A t \in Tasks : fpc[t] # "None" => HomeOf(t) = Origin

-----------------------------------------------------------------------------
(***************************** liveness ************************************)
\* Every wait for a page response / invalidation acks ends.
WaitsComplete == \A i \in WsIds : ws[i].count > 0 ~> ws[i].count = 0
\* Every hashed fault handle is eventually released.
HandlesEventuallyReleased == \A n \in Nodes : fh[n].kind # "NONE" ~> fh[n].kind = "NONE"
\* Every begun access completes.
AccessCompletes == \A t \in Threads : pc[t] # "Idle" ~> pc[t] = "Idle"
\* Every futex_wait begun returns (pin, key, value, unpin).
\* Every futex op begun at the origin (origin thread or home task) returns, and
\* every forwarded one is answered (FUTEX_RESPONSE) and returns at its remote.
FutexOpCompletes ==
    /\ \A t \in Tasks : fpc[t] # "None" ~> fpc[t] = "None"
    /\ \A t \in Threads : pc[t] = "RFutexWait" ~> pc[t] = "Idle"
=============================================================================

--------------------------- MODULE MCPageProtocol ---------------------------
(***************************************************************************)
(* Model-checking wrapper of PageProtocol: the models' constants (TLC cfg  *)
(* files cannot hold tuples), and the temporal formulas checked.  The      *)
(* spec module itself never mentions TLC.                                  *)
(***************************************************************************)
EXTENDS PageProtocol

\* Thread homes (Home[t+1] = node of thread t), one per model size.
HomeCi     == <<0, 1, 2>>       \* one thread per node
HomeFollow == <<1, 1, 2>>       \* two threads on remote 1 (followers, retry waiters)
HomeDeep   == <<0, 1, 1, 2>>    \* origin thread + two on remote 1 + remote 2
HomeLive   == <<1, 2>>          \* one thread on each remote (liveness)
HomeFutex  == <<0, 1>>          \* origin thread (futex_wait or an access) + one remote thread
HomeFwd    == <<1>>             \* one remote thread (accesses, forwarded futex ops) + its home task

\* Liveness properties, named for the cfgs.
InvalidationsAndRequestsAnswered == WaitsComplete
FaultHandlesReleased == HandlesEventuallyReleased
FaultsComplete == AccessCompletes
FutexWaitsComplete == FutexOpCompletes
=============================================================================

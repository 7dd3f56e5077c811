--------------------------- MODULE MCPageProtocol ---------------------------
(***************************************************************************)
(* Model-checking wrapper of PageProtocol: the models' constants (TLC cfg  *)
(* files cannot hold tuples), and the temporal formulas checked.  The      *)
(* spec module itself never mentions TLC.                                  *)
(***************************************************************************)
EXTENDS PageProtocol

\* Thread homes (Home[t+1] = node of thread t), one per model size.
HomeCi    == <<0, 1, 1, 2>>     \* origin, 2 threads on remote 1, remote 2
HomeSmall == <<1, 1, 2>>        \* 2 threads on remote 1, 1 on remote 2
HomeBug   == <<0, 1, 2>>        \* one thread per node
HomeLive  == <<0, 1, 2>>
HomeDeep  == <<0, 0, 1, 1, 2>>

\* Liveness properties, named for the cfgs.
InvalidationsAndRequestsAnswered == WaitsComplete
FaultHandlesReleased == HandlesEventuallyReleased
FaultsComplete == AccessCompletes
=============================================================================

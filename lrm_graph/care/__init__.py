"""The care team's work around a learner: interactions, notes, interventions, the brief
and the timeline.

Each record is a node of its own label (`Interaction`, `Note`, `Intervention`) tied to its
learner by `learner_uid`, never an `Entity` and never an edge, so the network, reports and
analytics do not see them. Who may read and write which is decided by the caller's
*standing* towards the learner (`lrm_graph.care.team`) and set out in the policy table of
`lrm_graph.access.policy`.
"""

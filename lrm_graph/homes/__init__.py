"""The homes of the people who look after learners, and the leaders' dashboard: one use
case each, as the web app's `/` and `/dashboard` ask for them.

- `caseload.care_home`: a counselor's, advisor's, coach's or mentor's caseload with each
  learner's care team and goals, their learners without a caring adult or with only quiet
  ties, open mentor requests, and the interventions due this week;
- `classes.teacher_home`: a teacher's class sections, each learner with goals and care team;
- `dashboard.dashboard`: coverage per school and grade over time, and the counts of the
  "no learner without a caring adult" reports;
- `adults.adult_page`: an adult's caseload against capacity, mentees and communities.

Each reads through the same checks and repositories as the API's questions and reports
(`lrm_graph.records.traversal`, `lrm_graph.reports`, `lrm_graph.care`,
`lrm_graph.voice.mentor_requests`) and records every learner it shows in the audit, in
the same transaction as the reads (`audit.operation`).
"""

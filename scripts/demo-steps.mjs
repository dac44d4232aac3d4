// The demo's later steps; each issue that lands a command adds its step here.
export const steps = [
  ['Create the satisfaction survey', ['survey', 'create', '--template', 'satisfaction']],
  ['Export it as a GitHub issue form', ['survey', 'export', 'S1', '--format', 'github-issue-form', '--out', 'out/satisfaction-survey.yml']],
  [
    'Export it as a printable HTML page (no external requests)',
    ['survey', 'export', 'S1', '--format', 'html', '--out', 'out/satisfaction-survey.html'],
  ],
  ['Generate a 4-week content calendar', ['calendar', 'generate', '--from', '2026-12-01', '--weeks', '4']],
  ['Show it', ['calendar', 'show', '--from', '2026-12-01', '--to', '2026-12-14']],
  ['Generate the rules (群规)', ['rules', 'generate', '--template', 'brand']],
  ['Record an incident', ['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--note', '广告刷屏']],
  ['Import a quarter of the community’s activity (the sample put it in data/)', ['events', 'import', 'data/activity.ndjson']],
  ['Import it again: nothing new is added', ['events', 'import', 'data/activity.ndjson']],
  ['What the activity holds', ['events', 'stats']],
  ['Import the member sheet (姓名, 微信, QQ, 地区…), joined with the activity', ['members', 'import', 'data/members.csv']],
  [
    'Evaluate the quarter: metrics, survey results, the scorecard and the review tasks',
    ['playbook', 'run', 'evaluate', '--var', 'from=2026-07-01', '--var', 'to=2026-09-30', '--yes'],
  ],
  ['Grade the quarter and each of its months (the report compares them)', ['scorecard', 'compute', '--period', '2026-Q3']],
  ['', ['scorecard', 'compute', '--period', '2026-09']],
  ['Points from the activity × the incentive rules', ['members', 'points', '--recompute']],
  ['Engagement levels and who moved', ['members', 'levels', '--period', '2026-09']],
  ['The month’s leaderboard', ['members', 'top', '--period', '2026-09', '--limit', '5']],
  ['Optimisation suggestions, ranked by the score they would win back', ['suggest', '--period', '2026-Q3', '--limit', '5']],
  ['The operations summary report (运营总结报告) as Markdown', ['report', '--period', '2026-Q3', '--out', 'out/report-2026-Q3.md']],
  ['…and as one self-contained HTML file (prints on A4)', ['report', '--period', '2026-Q3', '--format', 'html', '--out', 'out/report-2026-Q3.html']],
  ['The dashboard, one frame (run `commops dashboard` in a terminal for the live one)', ['dashboard', '--once']],
]

/** The report the demo ends on, for the reader to open. */
export const report = 'out/report-2026-Q3.html'

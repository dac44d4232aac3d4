/**
 * A scorecard for CI as validate's report (written by src/schema/report.ts, which the service calls): each metric that
 * misses its target or has no figure is a warning located where its target was written, and an overall score under
 * `--fail-under` is an error.
 */
import type {Translate} from '../i18n/index.js'
import type {Problem} from '../schema/problem.js'
import type {Report} from '../schema/report.js'
import {dimensionName, figure, scoreText, targetText} from './figures.js'
import type {Threshold} from './threshold.js'
import {passes} from './threshold.js'
import type {Scorecard} from './types.js'

/** The file goals are read from: where a target that comes from nowhere else can be set. */
const COMMUNITY_FILE = 'community.yaml'

/** The scorecard as validate-style problems, plus the name of every metric (a JUnit test case each). */
export function scorecardReport(card: Scorecard, t: Translate, threshold?: Threshold): {report: Report; cases: string[]} {
  const problems: Problem[] = []
  const cases = ['overall']
  const specFile = card.spec.source === 'default' ? COMMUNITY_FILE : card.spec.source
  for (const d of card.dimensions) {
    for (const m of d.metrics) {
      const path = `${d.id}/${m.id}`
      cases.push(path)
      const at = m.at ?? {file: m.source === 'spec' ? specFile : COMMUNITY_FILE, line: 1, col: 1}
      const base = {file: at.file, line: at.line, col: at.col, path, severity: 'warning' as const}
      if (m.score === null) {
        problems.push({...base, rule: 'scorecard.na', message: t('scorecard.ci.na', {metric: m.id, reason: m.reason ? t(m.reason) : ''})})
      } else if (m.score < 100) {
        problems.push({
          ...base,
          rule: 'scorecard.belowTarget',
          message: t('scorecard.ci.below', {
            metric: m.id,
            dimension: dimensionName(d.id, t),
            value: figure(m.value, m.unit),
            target: targetText(m),
            score: scoreText(m.score),
          }),
          ...(m.source === 'default' ? {hint: t('scorecard.ci.setGoal', {metric: m.id})} : {}),
        })
      }
    }
  }
  if (threshold && !passes(card, threshold)) {
    problems.unshift({
      file: specFile,
      line: 1,
      col: 1,
      path: 'overall',
      rule: 'scorecard.failUnder',
      message: t('scorecard.failUnder.failed', {
        period: card.key,
        score: scoreText(card.score),
        grade: card.grade ?? 'n/a',
        threshold: threshold.text,
      }),
      severity: 'error',
    })
  }
  const files = [...new Set([specFile, ...problems.map((p) => p.file)])]
  return {report: {files, problems, valid: !problems.some((p) => p.severity === 'error')}, cases}
}

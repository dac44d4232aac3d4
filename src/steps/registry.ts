import {assertStep} from './assert.js'
import {calendarGenerate} from './calendar-generate.js'
import {eventsImport} from './events-import.js'
import {exportStep} from './export.js'
import {membersBadges} from './members-badges.js'
import {membersLevels} from './members-levels.js'
import {membersPoints} from './members-points.js'
import {metricsStep} from './metrics.js'
import {noteStep} from './note.js'
import {positioningCheck} from './positioning-check.js'
import {reportStep} from './report.js'
import {rulesGenerate} from './rules-generate.js'
import {scorecardCompute} from './scorecard-compute.js'
import {surveyCreate} from './survey-create.js'
import {surveyResults} from './survey-results.js'
import {tasksCreate} from './tasks-create.js'
import type {StepType} from './types.js'

/** Every step type a playbook can use: the one place they are listed. Artifact issues add theirs here. */
export const STEP_TYPES: readonly StepType<never>[] = [
  tasksCreate,
  exportStep,
  noteStep,
  assertStep,
  positioningCheck,
  calendarGenerate,
  surveyCreate,
  surveyResults,
  rulesGenerate,
  eventsImport,
  metricsStep,
  scorecardCompute,
  membersPoints,
  membersLevels,
  membersBadges,
  reportStep,
] as Array<StepType<never>>

const registry = new Map(STEP_TYPES.map((step) => [step.type, step as unknown as StepType<Record<string, unknown>>]))

/** A step type by name. */
export function getStepType(type: string): StepType<Record<string, unknown>> | undefined {
  return registry.get(type)
}

/** Every step type name, sorted. */
export function stepTypeNames(): string[] {
  return [...registry.keys()].sort()
}

/** Every step type, sorted by name. */
export function allStepTypes(): Array<StepType<Record<string, unknown>>> {
  return stepTypeNames().map((n) => registry.get(n)!)
}

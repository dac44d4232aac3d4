import {assertStep} from './assert.js'
import {calendarGenerate} from './calendar-generate.js'
import {exportStep} from './export.js'
import {noteStep} from './note.js'
import {positioningCheck} from './positioning-check.js'
import {rulesGenerate} from './rules-generate.js'
import {surveyCreate} from './survey-create.js'
import {surveyResults} from './survey-results.js'
import {tasksCreate} from './tasks-create.js'
import type {StepType} from './types.js'

// The one place step types are registered. Artifact issues add theirs here.
const registry = new Map<string, StepType<never>>()
for (const step of [tasksCreate, exportStep, noteStep, assertStep, positioningCheck, calendarGenerate, surveyCreate, surveyResults, rulesGenerate] as Array<StepType<never>>) {
  registry.set(step.type, step)
}

/** A step type by name. */
export function getStepType(type: string): StepType<Record<string, unknown>> | undefined {
  return registry.get(type) as StepType<Record<string, unknown>> | undefined
}

/** Every registered step type name, sorted. */
export function stepTypeNames(): string[] {
  return [...registry.keys()].sort()
}

/** Every registered step type. */
export function allStepTypes(): Array<StepType<Record<string, unknown>>> {
  return stepTypeNames().map((n) => registry.get(n) as StepType<Record<string, unknown>>)
}

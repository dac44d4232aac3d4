/**
 * The step catalogue: every step type's spec (type, `with:` schema, description), in the order of STEP_TYPES
 * (src/steps/registry.ts), without the steps' behaviour, so checking a playbook does not load the services the steps
 * call. The light step types are their own spec; the others keep theirs in src/steps/specs/.
 */
import {assertStep} from './assert.js'
import {noteStep} from './note.js'
import {positioningCheck} from './positioning-check.js'
import {calendarGenerateSpec} from './specs/calendar-generate.js'
import {eventsImportSpec} from './specs/events-import.js'
import {exportStepSpec} from './specs/export.js'
import {membersBadgesSpec, membersLevelsSpec, membersPointsSpec} from './specs/members.js'
import {metricsSpec} from './specs/metrics.js'
import {reportStepSpec} from './specs/report.js'
import {rulesGenerateSpec} from './specs/rules-generate.js'
import {scorecardComputeSpec} from './specs/scorecard-compute.js'
import {surveyCreateSpec} from './specs/survey-create.js'
import {surveyResultsSpec} from './specs/survey-results.js'
import {tasksCreate} from './tasks-create.js'
import type {StepSpec} from './types.js'

/** Every step type's spec; a test keeps it in step with STEP_TYPES. */
export const STEP_SPECS: readonly StepSpec<never>[] = [
  tasksCreate,
  exportStepSpec,
  noteStep,
  assertStep,
  positioningCheck,
  calendarGenerateSpec,
  surveyCreateSpec,
  surveyResultsSpec,
  rulesGenerateSpec,
  eventsImportSpec,
  metricsSpec,
  scorecardComputeSpec,
  membersPointsSpec,
  membersLevelsSpec,
  membersBadgesSpec,
  reportStepSpec,
] as Array<StepSpec<never>>

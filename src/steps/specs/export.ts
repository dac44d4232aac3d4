import {FORMAT_EXT} from '../../artifacts/formats.js'
import type {StepSpec} from '../types.js'

export interface ExportInput {
  artifacts: string[]
  ifMissing?: 'fail' | 'skip'
  formats?: string[]
  out?: string
}

/** The spec of `export`: writes the artifacts of earlier steps as files (md, json, and whatever their kinds support). */
export const exportStepSpec: StepSpec<ExportInput> = {
  type: 'export',
  schema: {
    type: 'object',
    required: ['artifacts'],
    additionalProperties: false,
    properties: {
      artifacts: {type: 'array', items: {type: 'string'}, minItems: 1, description: 'Ids of earlier steps whose artifacts to export'},
      formats: {type: 'array', items: {enum: Object.keys(FORMAT_EXT)}, minItems: 1, default: ['md']},
      out: {type: 'string', default: 'out/', description: 'A folder inside the workspace'},
      ifMissing: {
        enum: ['fail', 'skip'],
        default: 'fail',
        description: 'What to do when a listed step was skipped or failed: fail, or export the rest',
      },
    },
  },
  produces: {en: 'files in out/ (or the folder given)', 'zh-CN': 'out/（或指定文件夹）中的文件'},
  describe: (input, t) =>
    t('step.export.describe', {artifacts: input.artifacts.join(', '), formats: (input.formats ?? ['md']).join(', '), out: input.out ?? 'out/'}),
  needs: (input) => (Array.isArray(input.artifacts) ? input.artifacts.filter((a) => typeof a === 'string') : []),
  softNeeds: (input) => (input.ifMissing === 'skip' && Array.isArray(input.artifacts) ? input.artifacts : []),
}

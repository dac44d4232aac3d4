import path from 'node:path'
import {FORMAT_EXT, formatsOf, getRenderer} from '../artifacts/render.js'
import {resolveInside} from '../util/fs.js'
import {StepFailure, type DesiredFile, type StepType} from './types.js'

interface ExportInput {
  artifacts: string[]
  ifMissing?: 'fail' | 'skip'
  formats?: string[]
  out?: string
}

/** `export`: writes the artifacts of earlier steps as files (md, json, and whatever their kinds support). */
export const exportStep: StepType<ExportInput> = {
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
  plan(input, ctx) {
    const out = input.out ?? 'out/'
    resolveInside(ctx.root, out) // refuses .., absolute paths and symlinks out, before anything is planned
    const formats = input.formats ?? ['md']
    const files: DesiredFile[] = []
    const messages: string[] = []
    const artifacts = input.artifacts.flatMap((stepId) => {
      const list = ctx.produced[stepId]
      if (list && list.length > 0) return list
      if (input.ifMissing === 'skip') {
        messages.push(ctx.t('step.export.skippedMissing', {step: stepId}))
        return []
      }
      throw new StepFailure(ctx.t('step.export.noArtifacts', {step: stepId}))
    })
    if (artifacts.length === 0) return {messages, outputs: {files: [], count: 0}}
    for (const format of formats) {
      const able = artifacts.filter((a) => getRenderer(a.kind, format))
      if (able.length === 0) {
        const available = [...new Set(artifacts.flatMap((a) => formatsOf(a.kind)))].join(', ')
        throw new StepFailure(ctx.t('step.export.noFormat', {steps: input.artifacts.join(', '), format, available}))
      }
      for (const a of artifacts) {
        const render = getRenderer(a.kind, format)
        if (!render) {
          messages.push(ctx.t('step.export.partial', {title: a.title, format, kind: a.kind}))
          continue
        }
        const [playbookName, stepId] = a.id.split('.')
        const name = `${playbookName}-${stepId}.${FORMAT_EXT[format]}`
        const rel = path.posix.join(out.replace(/\\/g, '/'), name)
        resolveInside(ctx.root, rel)
        files.push({path: rel, content: render(a, ctx.locale)})
      }
    }
    return {files, messages, outputs: {files: files.map((f) => f.path), count: files.length}}
  },
}

import path from 'node:path'
import {FORMAT_EXT} from '../artifacts/formats.js'
import {formatsOf, getRenderer} from '../artifacts/render.js'
import {resolveInside} from '../util/fs.js'
import {exportStepSpec, type ExportInput} from './specs/export.js'
import {StepFailure, type DesiredFile, type StepType} from './types.js'

/** `export`: writes the artifacts of earlier steps as files (md, json, and whatever their kinds support). */
export const exportStep: StepType<ExportInput> = {
  ...exportStepSpec,
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

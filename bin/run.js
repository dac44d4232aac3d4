#!/usr/bin/env node
import module from 'node:module'
import {execute, settings} from '@oclif/core'

// Node 22+ keeps compiled code between runs, which makes start-up faster; Node 20 has no such cache.
module.enableCompileCache?.()
// Always the compiled dist/, even under NODE_ENV=test or development (bin/dev.js is for the sources).
settings.enableAutoTranspile = false
await execute({dir: import.meta.url})

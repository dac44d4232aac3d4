#!/usr/bin/env node
import module from 'node:module'
import {execute} from '@oclif/core'

// Node 22+ keeps compiled code between runs, which makes start-up faster; Node 20 has no such cache.
module.enableCompileCache?.()
await execute({dir: import.meta.url})

// Build: clean dist/, compile TypeScript, precompile the schemas, bundle (scripts/bundle.mjs), write oclif.manifest.json
// so commands load without scanning, then warm V8's code cache for the bundle.
import {execFileSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)
const run = (file, args, env = process.env) => execFileSync(process.execPath, [file, ...args], {cwd: root, stdio: 'inherit', env})

rmSync(path.join(root, 'dist'), {recursive: true, force: true})
rmSync(path.join(root, 'oclif.manifest.json'), {force: true})
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json'])
run(path.join(root, 'scripts', 'precompile-schemas.mjs'), [])
run(path.join(root, 'scripts', 'bundle.mjs'), [])
run(path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), ['manifest'])
run(path.join(root, 'scripts', 'warm-code-cache.mjs'), [], {...process.env, COMMOPS_WRITE_CODE_CACHE: '1'})

// npm's `prepare` (npm install or npm ci in this folder, and installs from git): build when dist/ is missing or
// older than the sources, so a checkout or a git dependency gives a working CLI.
import {buildIfNeeded} from './lib.mjs'

buildIfNeeded()

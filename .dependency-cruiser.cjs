// The layer arrows of the design (DESIGN.md "Layout"), checked by `npm run deps`:
//   commands → cli, ui, services, domain, store;  playbook → steps → services;  services → domain, store, util;
//   domain → i18n, util, errors only (plain data in, plain data out).
// No import cycles; nothing in src/ imports commands/; oclif only in src/cli (and src/hooks, which are oclif hooks);
// Ink and the views in src/ui are only loaded lazily.

// ── Edit here when the names settle ─────────────────────────────────────────────────────────────────────────────
/** The domain folders under src/: pure functions of plain data. */
const DOMAIN_AREAS = 'calendar|rules|survey|events|metrics|scorecard|members|report|overview|suggest|dashboard'
/**
 * The file names of the edges inside any src/ folder: services (one function per change a user can make: read,
 * call the domain, one store.update) and loaders (read templates and files). These may do I/O; the rest of a domain
 * folder may not. Matched at the start of a file name in a src/ folder, or as a sub-folder (`src/rules/service.ts`,
 * `src/rules/load-templates.ts`, `src/survey/services/ingest.ts`).
 */
const EDGE_NAMES = 'service|services|loader|loaders|load|io'
/** A folder's kind.ts (`{kind, stem, schema, checks}`) belongs to the catalogue of kinds, which src/schema/all-kinds.ts lists. */
const CATALOGUE = '^src/[^/]+/kind\\.ts$'
/** Helpers in src/util/ that touch the disk: not for the pure domain. */
const IO_UTILS = '^src/util/(fs|owned-file|paths|text-file)\\.ts$'
// ────────────────────────────────────────────────────────────────────────────────────────────────────────────────

// and one named after its part: src/members/incentives-service.ts
const EDGE = `^src/[^/]+/(${EDGE_NAMES})([^/]*\\.tsx?$|/)|^src/members/incentives-service\\.ts$`
const DOMAIN = `^src/(${DOMAIN_AREAS})/`
/** Services: the edges outside the engine folders (src/playbook/load.ts and src/ui/load.ts are not services). */
const SERVICE = {path: EDGE, pathNot: '^src/(cli|ui|playbook|steps|hooks)/'}
const NPM = (names) => `(^|/)node_modules/(${names})/`
const FS = '^(node:)?fs(/promises)?$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles: a cycle means two modules are one, or one of them is in the wrong layer. ' +
        'A loop closed only by `import type` is erased at compile time and allowed.',
      from: {},
      to: {circular: true, viaOnly: {dependencyTypesNot: ['type-only']}},
    },
    {
      name: 'src-not-to-commands',
      severity: 'error',
      comment: 'Commands sit on top: parse flags, call src/, render. Nothing in src/ imports a command.',
      from: {path: '^src/'},
      to: {path: '^commands/'},
    },
    {
      name: 'commands-not-to-commands',
      severity: 'error',
      comment: 'A command does not import another command: what two commands share lives in src/.',
      from: {path: '^commands/'},
      to: {path: '^commands/'},
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Shipped code never imports test code.',
      from: {path: '^(src|commands|bin)/'},
      to: {path: '^tests/'},
    },
    {
      name: 'no-dev-deps-at-run-time',
      severity: 'error',
      comment: 'What src/ and commands/ import at run time must be a dependency, not a devDependency.',
      from: {path: '^(src|commands)/'},
      to: {dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only']},
    },
    {
      name: 'oclif-only-in-cli',
      severity: 'error',
      comment: 'oclif belongs to commands/, src/cli (the base command, output) and src/hooks; the library below is plain TypeScript.',
      from: {path: '^src/', pathNot: '^src/(cli|hooks)/'},
      to: {path: NPM('@oclif')},
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain takes plain data and returns plain data: at run time it imports only i18n, util, errors and other ' +
        'domain modules (reading files and the store happens in the services and loaders, see EDGE_NAMES).',
      from: {path: DOMAIN, pathNot: [EDGE, CATALOGUE]},
      to: {path: '^(src|commands)/', pathNot: [DOMAIN, '^src/(i18n|util)/', '^src/errors\\.ts$'], dependencyTypesNot: ['type-only']},
    },
    {
      name: 'domain-types-from-data-only',
      severity: 'error',
      comment:
        'The domain may name the shapes of the data it is handed (`import type` from the workspace, store or schema ' +
        'modules), never anything of the layers above it.',
      from: {path: DOMAIN, pathNot: [EDGE, CATALOGUE]},
      to: {path: ['^commands/', '^src/(cli|ui|hooks|playbook|steps)/', EDGE]},
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'The domain never touches the disk, the terminal or the framework: no fs, Ink, React, oclif, prompts, the store.',
      from: {path: DOMAIN, pathNot: [EDGE, CATALOGUE]},
      to: {path: [FS, IO_UTILS, NPM('@oclif|ink|react|@inquirer|lowdb|proper-lockfile')]},
    },
    {
      name: 'services-below-steps',
      severity: 'error',
      comment: 'Services are called by commands and playbook steps; they never call back up into steps, the playbook, the CLI or the UI.',
      from: SERVICE,
      to: {path: '^src/(steps|playbook|cli|ui|hooks)/'},
    },
    {
      name: 'steps-below-playbook',
      severity: 'error',
      comment: 'playbook → steps → services: a step does not import the playbook engine (its types are fine).',
      from: {path: '^src/steps/'},
      to: {path: '^src/playbook/', dependencyTypesNot: ['type-only']},
    },
    {
      name: 'playbook-and-steps-not-to-cli-or-ui',
      severity: 'error',
      comment: 'The playbook engine yields events; commands render them. It does not know the CLI or the terminal UI.',
      from: {path: '^src/(playbook|steps)/'},
      to: {path: '^src/(cli|ui|hooks)/'},
    },
    {
      name: 'util-is-the-bottom',
      severity: 'error',
      comment: 'src/util holds shared helpers: it imports nothing above it but errors and i18n (types excepted).',
      from: {path: '^src/util/'},
      to: {path: '^(src|commands)/', pathNot: ['^src/(util|i18n)/', '^src/errors\\.ts$'], dependencyTypesNot: ['type-only']},
    },
    {
      name: 'ui-only-lazily',
      severity: 'error',
      comment: 'Ink views cost start-up time: outside src/ui they are loaded with import() (src/ui/load.ts is the one static entry).',
      from: {pathNot: '^src/ui/'},
      to: {path: '^src/ui/', pathNot: '^src/ui/load\\.ts$', dependencyTypesNot: ['dynamic-import', 'type-only']},
    },
    {
      name: 'luxon-through-util',
      severity: 'error',
      comment: 'luxon costs start-up time: its users import it from src/util/luxon.ts, which loads it on first use (one copy per run).',
      from: {path: '^(src|commands)/', pathNot: '^src/util/luxon\\.ts$'},
      to: {path: 'node_modules/luxon/', dependencyTypesNot: ['type-only']},
    },
    {
      name: 'ink-only-in-ui',
      severity: 'error',
      comment: 'Ink and React are imported statically only inside src/ui, which is itself loaded lazily.',
      from: {pathNot: '^src/ui/'},
      to: {path: NPM('ink|react'), dependencyTypesNot: ['dynamic-import', 'type-only']},
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'A module nothing imports is dead code, or an entry point to list here.',
      from: {orphan: true, pathNot: ['\\.d\\.ts$', '^src/hooks/', '^src/cli/bundle-loader\\.cts$', '^bin/']},
      to: {},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(dist|coverage)/'},
    // Count `import type` too, marked type-only, so the rules above can tell types from run-time imports.
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.cts', '.mts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {text: {highlightFocused: true}},
  },
}

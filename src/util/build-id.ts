/** The build's fingerprint, set by the bundler (scripts/build.mjs: a hash of the compiled code, schemas and templates). */
declare const __COMMOPS_BUILD__: string | undefined

/** Undefined when running the TypeScript sources (bin/dev.js, tests), where nothing may be cached by build. */
export const BUILD_ID: string | undefined = typeof __COMMOPS_BUILD__ === 'string' ? __COMMOPS_BUILD__ : undefined

// The demo's later steps; each issue that lands a command adds its step here.
export const steps = []

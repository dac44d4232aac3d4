/** What a service needs of the store to apply a change: a snapshot to read and a locked update. */
export interface ChangeTarget<D> {
  read(): Promise<D>
  update<T>(fn: (db: D) => T | Promise<T>): Promise<T>
}

/**
 * Applies a change under the store's lock, or, for a dry run, to a fresh snapshot that is never written back, so a
 * dry run reports exactly what the real run would (the ids it would give included).
 */
export async function applyChange<D, T>(store: ChangeTarget<D>, dryRun: boolean | undefined, apply: (db: D) => T): Promise<T> {
  return dryRun ? apply(await store.read()) : store.update(apply)
}

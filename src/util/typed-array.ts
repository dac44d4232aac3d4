/** Typed arrays that grow: the columns the members and metrics code keep per event or per person. */

type Grown = Float64Array | Uint32Array | Int32Array | Uint8Array | Int16Array

/** A typed array of the same kind at least twice as long (and at least `min`), its values kept. */
export function grown<A extends Grown>(a: A, min = 0): A {
  const b = new (a.constructor as new (n: number) => A)(Math.max(a.length * 2, min))
  b.set(a)
  return b
}

/** Immutable edits of ordered lists, shared by every editor of the methodology. */

export function replaceAt<T>(list: readonly T[] | undefined, index: number, value: T): T[] {
  const next = [...(list ?? [])];
  next[index] = value;
  return next;
}

export function updateAt<T>(list: readonly T[] | undefined, index: number, update: (value: T) => T): T[] {
  const current = list?.[index];
  return current === undefined ? [...(list ?? [])] : replaceAt(list, index, update(current));
}

export function removeAt<T>(list: readonly T[] | undefined, index: number): T[] {
  return (list ?? []).filter((_, i) => i !== index);
}

/** Moves one entry by `by` places; a move past either end leaves the list as it is. */
export function move<T>(list: readonly T[] | undefined, index: number, by: number): T[] {
  const next = [...(list ?? [])];
  const target = index + by;
  if (index < 0 || index >= next.length || target < 0 || target >= next.length) return next;
  const [entry] = next.splice(index, 1);
  next.splice(target, 0, entry as T);
  return next;
}

export function append<T>(list: readonly T[] | undefined, value: T): T[] {
  return [...(list ?? []), value];
}

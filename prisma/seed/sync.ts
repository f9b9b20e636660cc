// Seeding is an upsert by each table's unique key, done in bulk: read what exists,
// create the missing rows in one createMany, update only rows whose fields differ.
// A second run therefore writes nothing and every id stays the same.

type Row = { id: string };

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** The fields of `desired` whose values differ from `existing`, or null when none do. */
export function changedFields<T extends object>(existing: object, desired: T): Partial<T> | null {
  const changes: Partial<T> = {};
  let changed = false;
  for (const key of Object.keys(desired) as (keyof T)[]) {
    if (!sameValue((existing as T)[key], desired[key])) {
      changes[key] = desired[key];
      changed = true;
    }
  }
  return changed ? changes : null;
}

/**
 * Creates and updates rows so that every desired row exists with its fields; rows not
 * desired are left alone. Returns the id of every desired row by its key.
 */
export async function syncRows<D extends object, E extends Row>(options: {
  existing: E[];
  desired: D[];
  key: (row: D | E) => string;
  createMany: (rows: D[]) => Promise<unknown>;
  update: (id: string, changes: Partial<D>) => Promise<unknown>;
  /** Reads the rows again after creating some, to learn their ids. */
  reload: () => Promise<E[]>;
}): Promise<Map<string, string>> {
  const { desired, key } = options;
  const byKey = new Map(options.existing.map((row) => [key(row), row]));
  const missing = desired.filter((row) => !byKey.has(key(row)));
  for (const row of desired) {
    const current = byKey.get(key(row));
    const changes = current && changedFields(current, row);
    if (current && changes) await options.update(current.id, changes);
  }
  if (missing.length) await options.createMany(missing);
  const rows = missing.length ? await options.reload() : options.existing;
  return new Map(rows.map((row) => [key(row), row.id]));
}

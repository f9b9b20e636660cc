// The migrations are hand-written SQL (Prisma's schema engine cannot run here), so this
// test is what keeps them honest: a freshly migrated database must have exactly the
// tables, columns, types, nullability, defaults, enums, uniques, indexes and foreign
// keys that prisma/schema.prisma describes, in the public schema (the job queue keeps
// its own, "pgboss", which pg-boss versions itself).
import { readFile } from "node:fs/promises";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF["datamodel"]["models"][number];
type Field = Model["fields"][number];

let dmmf: DMMF;
let db: pg.Client;

beforeAll(async () => {
  dmmf = await internals.getDMMF({ datamodel: await readFile("prisma/schema.prisma", "utf8") });
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;
const scalarFields = (model: Model) => model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
const modelByName = (name: string) => dmmf.datamodel.models.find((m) => m.name === name)!;

function expectedType(field: Field): string {
  const [nativeName, nativeArgs] = (field.nativeType ?? []) as [string?, string[]?];
  if (field.kind === "enum") return field.type;
  if (nativeName === "VarChar") return `character varying(${nativeArgs?.[0]})`;
  if (nativeName === "Timestamptz") return `timestamp(${nativeArgs?.[0] ?? 6}) with time zone`;
  if (nativeName === "Date") return "date";
  if (nativeName) throw new Error(`Add a mapping for @db.${nativeName} to this test`);
  const plain: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Float: "double precision",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
  };
  return plain[field.type] ?? `unmapped ${field.type}`;
}

/** Defaults that Prisma computes in the client rather than in the database. */
const clientSideDefault = (field: Field) =>
  typeof field.default === "object" && field.default !== null && "name" in field.default && ["cuid", "uuid", "nanoid", "ulid"].includes(field.default.name);

describe("migrated database matches schema.prisma", () => {
  it("has exactly the tables of the schema", async () => {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has exactly the enums and their values", async () => {
    const { rows } = await db.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has exactly the columns, with their types, nullability and defaults", async () => {
    const { rows } = await db.query<{ table_name: string; column_name: string; type: string; not_null: boolean; has_default: boolean }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, a.atthasdef AS has_default
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name}: ${r.type.replace(/^"|"$/g, "")}${r.not_null ? " NOT NULL" : ""}${r.has_default ? " DEFAULT" : ""}`)
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        scalarFields(model).map((field) => {
          const dbDefault = field.hasDefaultValue && !clientSideDefault(field) && !field.isUpdatedAt;
          // A scalar list is an array column, which Prisma's migrations leave nullable.
          if (field.isList) return `${tableOf(model)}.${columnOf(field)}: ${expectedType(field)}[]${dbDefault ? " DEFAULT" : ""}`;
          return `${tableOf(model)}.${columnOf(field)}: ${expectedType(field)}${field.isRequired ? " NOT NULL" : ""}${dbDefault ? " DEFAULT" : ""}`;
        }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has exactly the primary keys, unique constraints and plain indexes", async () => {
    const { rows } = await db.query<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean }>(
      `SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
          AND i.indexprs IS NULL`, // expression indexes (full-text search) cannot be written in schema.prisma
    );
    const kind = (r: { is_primary: boolean; is_unique: boolean }) => (r.is_primary ? "id" : r.is_unique ? "unique" : "normal");
    const actual = rows.map((r) => `${r.table_name} ${kind(r)} (${r.columns.join(", ")})`).sort();
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = modelByName(index.model);
        const columns = index.fields.map((f) => columnOf(model.fields.find((field) => field.name === f.name)!));
        return `${tableOf(model)} ${index.type === "fulltext" ? "normal" : index.type} (${columns.join(", ")})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has exactly the foreign keys, with their delete rules", async () => {
    const { rows } = await db.query<{ fk: string }>(
      `SELECT format('%s (%s) -> %s (%s) on delete %s', t.relname,
                     (SELECT string_agg(a.attname, ', ') FROM unnest(c.conkey) k(n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n),
                     r.relname,
                     (SELECT string_agg(a.attname, ', ') FROM unnest(c.confkey) k(n) JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.n),
                     c.confdeltype) AS fk
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const deleteCode: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === "object" && f.relationFromFields?.length)
          .map((f) => {
            const target = modelByName(f.type);
            const from = f.relationFromFields!.map((name) => columnOf(model.fields.find((x) => x.name === name)!));
            const to = f.relationToFields!.map((name) => columnOf(target.fields.find((x) => x.name === name)!));
            // Prisma's default for a required relation is Restrict, for an optional one SetNull.
            const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
            return `${tableOf(model)} (${from.join(", ")}) -> ${tableOf(target)} (${to.join(", ")}) on delete ${deleteCode[onDelete]}`;
          }),
      )
      .sort();
    expect(rows.map((r) => r.fk).sort()).toEqual(expected);
  });

  it("has exactly the storage settings schema.prisma cannot state (attendance intervals leave room for updates in place)", async () => {
    const { rows } = await db.query<{ table: string; options: string[] }>(
      `SELECT relname AS table, reloptions AS options FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND reloptions IS NOT NULL`,
    );
    expect(rows).toEqual([{ table: "AttendanceInterval", options: ["fillfactor=50"] }]);
  });
});

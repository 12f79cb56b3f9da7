// Typed SQL: a statement is declared once, beside the others of its package, with its named
// parameters and the shape of its rows. Callers never see a cast, a positional `?` or a
// `prepare`: the one cast from better-sqlite3's `unknown` rows lives here. Every declared
// statement is listed in a registry, so one test prepares them all against the migrated schema.
import type Database from 'better-sqlite3';

type Connection = Database.Database;
/** A Db (or anything holding the connection), or the connection itself. */
type On = Connection | { sqlite: Connection };
/** What SQLite can bind: booleans and dates are converted by the caller, on purpose. */
export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = Record<string, SqlValue>;
/** `undefined` (the default) for a statement without parameters. */
type ParamsArg<P> = [P] extends [undefined] ? [] : [params: P];

export type SqlOptions = {
  /** INTEGER columns come back as bigint (for values past 2^53); numbers otherwise. */
  bigints?: boolean;
};

export type RunResult = { changes: number; lastInsertRowid: number };

export type Sql<Row, Params extends SqlParams | undefined> = {
  readonly text: string;
  /** The first row, or undefined. */
  get(db: On, ...params: ParamsArg<Params>): Row | undefined;
  all(db: On, ...params: ParamsArg<Params>): Row[];
  iterate(db: On, ...params: ParamsArg<Params>): IterableIterator<Row>;
  run(db: On, ...params: ParamsArg<Params>): RunResult;
};

const registry: Sql<unknown, SqlParams | undefined>[] = [];

/** Every statement declared so far (the packages that declare them must have been imported). */
export function declaredStatements(): readonly { text: string }[] {
  return registry;
}

/**
 * Declares one statement. Parameters are named (`@name`) and bound from an object; the row type
 * is declared here once. The statement is prepared on first use per connection and then reused.
 */
export function sql<Row = never, Params extends SqlParams | undefined = undefined>(
  text: string,
  options: SqlOptions = {},
): Sql<Row, Params> {
  const prepared = new WeakMap<Connection, Database.Statement>();
  const statement = (sqlite: Connection) => {
    let found = prepared.get(sqlite);
    if (!found) {
      found = sqlite.prepare(text);
      if (found.reader) found.safeIntegers(options.bigints ?? false);
      prepared.set(sqlite, found);
    }
    return found;
  };
  const on = (db: On) => statement('sqlite' in db ? db.sqlite : db);
  const bind = (params: unknown[]) => (params.length === 0 ? [] : [params[0]]);
  const declared: Sql<Row, Params> = {
    text,
    get: (db, ...params) => on(db).get(...bind(params)) as Row | undefined,
    all: (db, ...params) => on(db).all(...bind(params)) as Row[],
    iterate: (db, ...params) => on(db).iterate(...bind(params)) as IterableIterator<Row>,
    run(db, ...params) {
      const result = on(db).run(...bind(params));
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    },
  };
  registry.push(declared as Sql<unknown, SqlParams | undefined>);
  return declared;
}

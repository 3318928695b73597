import { createHash } from 'node:crypto';

/**
 * Names for the PostgreSQL driver's prepared statements (PrismaPg's statementNameGenerator).
 * Without a name every query is parsed and planned afresh; the dashboard's analytics SQL is
 * long (rollups, edges, CTEs) and parsing it cost more than running it for a small
 * workspace. A named statement is parsed once per connection, and after five executions
 * PostgreSQL may keep a generic plan when it costs no more than the custom ones.
 *
 * The name is a digest of the SQL text, so equal texts share it. Texts built from
 * variable-length lists are different texts, so the names handed out are capped per
 * process (each connection keeps every statement it prepared): past the cap, new texts run
 * unnamed, as before. Not for PgBouncer in transaction mode (a statement prepared on one
 * server connection is unknown to the next); that deployment would turn this off.
 */
const MAX_NAMED_STATEMENTS = 400;
const names = new Map<string, string>();

/** '' (no name) past the cap: pg then runs the query unnamed. */
export function statementName(query: { sql: string }): string {
  const known = names.get(query.sql);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED_STATEMENTS) return '';
  const name = `vd_${createHash('sha256').update(query.sql).digest('base64url').slice(0, 24)}`;
  names.set(query.sql, name);
  return name;
}

// Translates a Constraint into SQL over documents/doc_index: enumerate candidate ids, count them, or test one id.
import { REFERENCES_PATH } from '../store/indexed-values.ts'
import type { Bound, Constraint, IndexKey, Range } from './constraints.ts'

export type Sql = { sql: string; args: (string | number)[] }

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

function groupByKind(keys: IndexKey[]): Map<string, (string | number)[]> {
  const groups = new Map<string, (string | number)[]>()
  for (const key of keys) {
    const group = groups.get(key.kind) ?? []
    group.push(key.value)
    groups.set(key.kind, group)
  }
  return groups
}

/** SQL conditions on `column` (a doc_index value) for a range's bounds. */
export function boundsSql(range: Range, column: string): Sql {
  const parts: string[] = []
  const args: (string | number)[] = []
  const side = (bound: Bound | undefined, operator: '>' | '<') => {
    if (!bound) return
    parts.push(`${column} ${operator}${bound.inclusive ? '=' : ''} ?`)
    args.push(bound.value)
  }
  side(range.lower, '>')
  side(range.upper, '<')
  return { sql: parts.length ? parts.join(' AND ') : '1', args }
}

/** The doc_index rows of a range (one per document: a path holds one value). */
function rangeRowsSql(dataset: string, range: Range): Sql {
  const bounds = boundsSql(range, 'value')
  return {
    sql: `SELECT id FROM doc_index WHERE dataset = ? AND path = ? AND kind = ? AND ${bounds.sql}`,
    args: [dataset, range.path, range.kind, ...bounds.args],
  }
}

/**
 * SQL selecting the `id` of every stored document of `dataset` that satisfies the constraint. An `and` is
 * read from its first part and tests the others: the planner puts the most selective first.
 */
export function enumerateSql(dataset: string, constraint: Constraint): Sql {
  switch (constraint.type) {
    case 'all':
      return { sql: 'SELECT id FROM documents WHERE dataset = ?', args: [dataset] }
    case 'none':
      return { sql: 'SELECT id FROM documents WHERE 0', args: [] }
    case 'ids':
      return {
        sql: `SELECT id FROM documents WHERE dataset = ? AND id IN (${placeholders(constraint.ids.length)})`,
        args: [dataset, ...constraint.ids],
      }
    case 'values': {
      const groups = [...groupByKind(constraint.keys)]
      if (groups.length === 0) return { sql: 'SELECT id FROM documents WHERE 0', args: [] }
      const selects = groups.map(([kind, values]) => ({
        sql: `SELECT id FROM doc_index WHERE dataset = ? AND path = ? AND kind = ? AND value IN (${placeholders(values.length)})`,
        args: [dataset, constraint.path, kind, ...values],
      }))
      return union(selects)
    }
    case 'range':
      return rangeRowsSql(dataset, constraint)
    case 'or':
      return union(constraint.parts.map((part) => enumerateSql(dataset, part)))
    case 'and': {
      const [first, ...rest] = constraint.parts as [Constraint, ...Constraint[]]
      const source = enumerateSql(dataset, first)
      const test = predicateSql(dataset, { type: 'and', parts: rest }, 'c.id')
      return {
        sql: `SELECT c.id AS id FROM (${source.sql}) AS c WHERE ${test.sql}`,
        args: [...source.args, ...test.args],
      }
    }
  }
}

/** Whether enumerating the constraint can list an id twice (a document referencing several of the ids). */
function mayRepeat(constraint: Constraint): boolean {
  if (constraint.type === 'values') return constraint.path === REFERENCES_PATH && constraint.keys.length > 1
  if (constraint.type === 'and') return mayRepeat(constraint.parts[0] as Constraint)
  return false
}

/** SQL counting the distinct stored documents that satisfy the constraint and the `visible` condition on `c.id`. */
export function countSql(dataset: string, constraint: Constraint, visible: string): Sql {
  const source = enumerateSql(dataset, constraint)
  return {
    sql: `SELECT count(${mayRepeat(constraint) ? 'DISTINCT c.id' : '*'}) AS n FROM (${source.sql}) AS c WHERE ${visible}`,
    args: source.args,
  }
}

/** SQL counting the index rows of a constraint, at most `cap` of them (so the count costs at most `cap` rows). */
export function cappedCountSql(dataset: string, constraint: Constraint, cap: number): Sql {
  const source = enumerateSql(dataset, constraint)
  return { sql: `SELECT count(*) AS n FROM (${source.sql} LIMIT ?)`, args: [...source.args, cap] }
}

function union(parts: Sql[]): Sql {
  if (parts.length === 1) return parts[0] as Sql
  return {
    sql: parts.map((part) => `SELECT id FROM (${part.sql})`).join(' UNION '),
    args: parts.flatMap((part) => part.args),
  }
}

/** SQL boolean: does the stored document whose id is the SQL expression `idColumn` satisfy the constraint? */
export function predicateSql(dataset: string, constraint: Constraint, idColumn: string): Sql {
  switch (constraint.type) {
    case 'all':
      return { sql: '1', args: [] }
    case 'none':
      return { sql: '0', args: [] }
    case 'ids':
      return { sql: `${idColumn} IN (${placeholders(constraint.ids.length)})`, args: constraint.ids }
    case 'values': {
      const groups = [...groupByKind(constraint.keys)]
      if (groups.length === 0) return { sql: '0', args: [] }
      const tests = groups.map(([kind, values]) => ({
        sql: `EXISTS (SELECT 1 FROM doc_index x WHERE x.dataset = ? AND x.path = ? AND x.kind = ? AND x.value IN (${placeholders(values.length)}) AND x.id = ${idColumn})`,
        args: [dataset, constraint.path, kind, ...values],
      }))
      return join(tests, 'OR')
    }
    case 'range': {
      // The index finds a document's rows by value, not by id: the range's ids are listed once, not per test.
      const rows = rangeRowsSql(dataset, constraint)
      return { sql: `${idColumn} IN (${rows.sql})`, args: rows.args }
    }
    case 'and':
      return join(
        constraint.parts.map((part) => predicateSql(dataset, part, idColumn)),
        'AND',
      )
    case 'or':
      return join(
        constraint.parts.map((part) => predicateSql(dataset, part, idColumn)),
        'OR',
      )
  }
}

function join(parts: Sql[], operator: 'AND' | 'OR'): Sql {
  if (parts.length === 0) return { sql: operator === 'AND' ? '1' : '0', args: [] }
  return { sql: parts.map((part) => `(${part.sql})`).join(` ${operator} `), args: parts.flatMap((part) => part.args) }
}

// Translates a Constraint into SQL over documents/doc_index: enumerate candidate ids, or test one id.
import type { Constraint, IndexKey } from './constraints.ts'

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

/** Lower is better to enumerate from: exact ids, then most paths, then references, then `_type`. */
function enumerationCost(constraint: Constraint): number {
  switch (constraint.type) {
    case 'ids':
      return 0
    case 'values':
      return constraint.path === '_type' ? 4 : constraint.path === '@ref' ? 2 : 1
    case 'or':
      return 3
    case 'and':
      return 1
    default:
      return 9
  }
}

/** SQL selecting the `id` of every stored document of `dataset` that satisfies the constraint. */
export function enumerateSql(dataset: string, constraint: Constraint): Sql {
  switch (constraint.type) {
    case 'all':
      return { sql: 'SELECT id FROM documents WHERE dataset = ?', args: [dataset] }
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
    case 'or':
      return union(constraint.parts.map((part) => enumerateSql(dataset, part)))
    case 'and': {
      const ordered = [...constraint.parts].sort((a, b) => enumerationCost(a) - enumerationCost(b))
      const [first, ...rest] = ordered as [Constraint, ...Constraint[]]
      const source = enumerateSql(dataset, first)
      const test = predicateSql(dataset, { type: 'and', parts: rest }, 'c.id')
      return {
        sql: `SELECT c.id AS id FROM (${source.sql}) AS c WHERE ${test.sql}`,
        args: [...source.args, ...test.args],
      }
    }
  }
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

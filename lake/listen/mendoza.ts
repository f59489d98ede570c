// Mendoza effects in their simplest valid form: opcode 0 replaces the whole value (a deletion is `[0, null]`,
// which the Studio's isDeletePatch looks for). Listen events and history transactions both send them.
import type { DocumentChange } from '../commits.ts'

export function replaceEffect(before: DocumentChange['before'], after: DocumentChange['after']) {
  return { apply: [0, after], revert: [0, before] }
}

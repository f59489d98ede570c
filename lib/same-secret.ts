// The one constant-time comparison of a secret the site was sent with the one it holds.
import { createHash, timingSafeEqual } from 'node:crypto'

// Hashing first gives equal-length buffers, so the time taken says nothing about either value, its length included.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

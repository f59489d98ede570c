// What counts as a subscriber's address: one mailbox, checked and written one way, so the same person is one subscriber.
import { z } from 'zod'

const addressSchema = z.email().max(254)

/** The address in canonical form (trimmed, lower case), or null when it is not one. */
export function normalizeAddress(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const address = input.trim().toLowerCase()
  return addressSchema.safeParse(address).success ? address : null
}

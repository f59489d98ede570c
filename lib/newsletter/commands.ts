// The newsletter's data-protection operations (the CLI's list/export/remove): what is stored about subscribers, and
// erasing one on request. Command line only: these read addresses, with the write token.
import type { SanityClient } from '@sanity/client'
import { normalizeAddress } from './address.ts'
import { deliveryType, subscriberId, subscriberKey, subscriberType } from './records.ts'

export type SubscriberRow = {
  email: string | null
  status: string
  requestedAt: string | null
  confirmedAt: string | null
  unsubscribedAt: string | null
}

const rowProjection = `{email, status, requestedAt, confirmedAt, unsubscribedAt}`

function addressOrThrow(input: string): string {
  const email = normalizeAddress(input)
  if (!email) throw new Error(`"${input}" is not an email address`)
  return email
}

/** Every subscriber with an address (pending or confirmed), oldest first; unsubscribed ones have none left. */
export function listSubscribers(client: SanityClient): Promise<SubscriberRow[]> {
  return client.fetch(
    `*[_type == $type && defined(email)] | order(coalesce(confirmedAt, requestedAt) asc) ${rowProjection}`,
    { type: subscriberType },
  )
}

/** Everything stored about one address: its subscriber document and the log of each email sent to it. */
export async function exportSubscriber(
  client: SanityClient,
  secret: string,
  input: string,
): Promise<{ subscriber: unknown; deliveries: unknown[] } | null> {
  const key = subscriberKey(secret, addressOrThrow(input))
  const found = await client.fetch<{ subscriber: unknown; deliveries: unknown[] }>(
    `{"subscriber": *[_id == $id][0]{..., "confirmNonce": null, "subscription": null},
      "deliveries": *[_type == $deliveryType && subscriber == $key] | order(nextAttemptAt asc){interviewId, status, attempts, sentAt, log}}`,
    { id: subscriberId(key), key, deliveryType },
  )
  return found.subscriber ? found : null
}

/** Erases an address: its subscriber document and every delivery record that names it. */
export async function removeSubscriber(client: SanityClient, secret: string, input: string): Promise<number> {
  const key = subscriberKey(secret, addressOrThrow(input))
  const ids = await client.fetch<string[]>(`*[_id == $id || (_type == $deliveryType && subscriber == $key)]._id`, {
    id: subscriberId(key),
    key,
    deliveryType,
  })
  if (!ids.includes(subscriberId(key))) return 0
  const transaction = client.transaction()
  for (const id of ids) transaction.delete(id)
  await transaction.commit()
  return ids.length
}

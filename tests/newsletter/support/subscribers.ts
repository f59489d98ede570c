// Confirmed subscribers written straight into the newsletter dataset, as if each had confirmed a link a day ago.
import { randomUUID } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import { subscriberId, subscriberKey, subscriberType } from '../../../lib/newsletter/records.ts'

export async function addConfirmedSubscribers(client: SanityClient, secret: string, emails: string[]): Promise<void> {
  const confirmedAt = new Date(Date.now() - 86_400_000).toISOString()
  for (let start = 0; start < emails.length; start += 500) {
    const transaction = client.transaction()
    for (const email of emails.slice(start, start + 500)) {
      transaction.createOrReplace({
        _id: subscriberId(subscriberKey(secret, email)),
        _type: subscriberType,
        status: 'confirmed',
        email,
        confirmedAt,
        subscription: randomUUID(),
      })
    }
    await transaction.commit()
  }
}

// The Newsletter tool: subscriber counts and, per interview that went live, how its emails went (sent, waiting for a
// retry, failed, with the last errors). Read with the signed-in editor's token; it never asks for an address.
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { Badge, Box, Card, Flex, Grid, Heading, Stack, Text } from '@sanity/ui'
import { useEffect, useState } from 'react'
import { definePlugin, useClient } from 'sanity'
import { IntentLink } from 'sanity/router'
import { defaultNewsletterDataset, newsletterTypes } from '../../schemas/newsletterRecords.ts'
import { apiVersion, readSetting } from '../environment.ts'

const dataset = readSetting(() => process.env.SANITY_STUDIO_NEWSLETTER_DATASET) ?? defaultNewsletterDataset

// Counts and send logs only: no projection here names an address.
const NEWSLETTER_QUERY = /* groq */ `{
  "confirmed": count(*[_type == $subscriber && status == "confirmed"]),
  "pending": count(*[_type == $subscriber && status == "pending"]),
  "unsubscribed": count(*[_type == $subscriber && status == "unsubscribed"]),
  "issues": *[_type == $issue] | order(wentLiveAt desc) [0...50]{
    interviewId, title, wentLiveAt, status, reason,
    "total": count(*[_type == $delivery && interviewId == ^.interviewId]),
    "sent": count(*[_type == $delivery && interviewId == ^.interviewId && status == "sent"]),
    "waiting": count(*[_type == $delivery && interviewId == ^.interviewId && status in ["pending", "sending", "retry"]]),
    "failed": count(*[_type == $delivery && interviewId == ^.interviewId && status == "failed"]),
    "skipped": count(*[_type == $delivery && interviewId == ^.interviewId && status == "skipped"]),
    "errors": *[_type == $delivery && interviewId == ^.interviewId && defined(lastError) && status != "sent"]
      | order(_updatedAt desc) [0...5]{status, attempts, lastError}
  }
}`

type Issue = {
  interviewId: string
  title: string
  wentLiveAt: string
  status: 'sending' | 'skipped'
  reason?: string
  total: number
  sent: number
  waiting: number
  failed: number
  skipped: number
  errors: { status: string; attempts: number; lastError: string }[]
}
type Overview = { confirmed: number; pending: number; unsubscribed: number; issues: Issue[] }

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Card padding={3} radius={2} border>
      <Stack gap={2}>
        <Text size={1} muted>
          {label}
        </Text>
        <Text size={3} weight="semibold" data-count={label}>
          {value}
        </Text>
      </Stack>
    </Card>
  )
}

function IssueRow({ issue }: { issue: Issue }) {
  return (
    <Card padding={3} radius={2} border data-issue={issue.interviewId}>
      <Stack gap={3}>
        <Flex gap={2} align="center" wrap="wrap">
          <IntentLink intent="edit" params={{ id: issue.interviewId, type: 'interview' }} style={{ color: 'inherit' }}>
            <Text weight="semibold">{issue.title}</Text>
          </IntentLink>
          <Text size={1} muted>
            went live {when(issue.wentLiveAt)}
          </Text>
        </Flex>
        {issue.status === 'skipped' ? (
          <Text size={1}>Not sent: {issue.reason}</Text>
        ) : (
          <Flex gap={2} wrap="wrap">
            <Badge tone="positive">{issue.sent} sent</Badge>
            {issue.waiting > 0 && <Badge tone="caution">{issue.waiting} waiting or retrying</Badge>}
            {issue.failed > 0 && <Badge tone="critical">{issue.failed} failed</Badge>}
            {issue.skipped > 0 && <Badge>{issue.skipped} skipped (unsubscribed)</Badge>}
            <Text size={1} muted>
              of {issue.total} subscribers
            </Text>
          </Flex>
        )}
        {issue.errors.map((error, index) => (
          <Text key={index} size={1} muted>
            {error.status} after {error.attempts} attempt(s): {error.lastError}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}

function NewsletterOverview() {
  const client = useClient({ apiVersion }).withConfig({ dataset })
  const [overview, setOverview] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const params = {
      subscriber: newsletterTypes.subscriber,
      issue: newsletterTypes.issue,
      delivery: newsletterTypes.delivery,
    }
    const load = () =>
      client
        .fetch<Overview>(NEWSLETTER_QUERY, params, { perspective: 'raw' })
        .then(setOverview)
        .catch((reason: Error) => setError(reason.message))
    load()
    const timer = setInterval(load, 5000) // sends happen on the site, not in the Studio: look again every few seconds
    return () => clearInterval(timer)
  }, [client])

  return (
    <Box padding={4} overflow="auto" height="fill">
      <Stack gap={4}>
        <Heading as="h1" size={2}>
          Newsletter
        </Heading>
        {error && (
          <Card tone="critical" padding={3}>
            <Text>Could not load the newsletter: {error}</Text>
          </Card>
        )}
        {overview && (
          <>
            <Grid gridTemplateColumns={3} gap={3}>
              <Count label="Confirmed subscribers" value={overview.confirmed} />
              <Count label="Waiting for confirmation" value={overview.pending} />
              <Count label="Unsubscribed" value={overview.unsubscribed} />
            </Grid>
            <Heading as="h2" size={1}>
              Interviews sent
            </Heading>
            {overview.issues.length === 0 && (
              <Text muted>No interview has gone live since the newsletter started.</Text>
            )}
            {overview.issues.map((issue) => (
              <IssueRow key={issue.interviewId} issue={issue} />
            ))}
          </>
        )}
      </Stack>
    </Box>
  )
}

export const newsletterTool = definePlugin({
  name: 'parley-newsletter',
  tools: [{ name: 'newsletter', title: 'Newsletter', icon: EnvelopeIcon, component: NewsletterOverview }],
})

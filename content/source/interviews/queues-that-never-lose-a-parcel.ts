// Maya Okafor on Fernhill's event pipeline: at-least-once delivery, idempotent consumers and the week a queue went quiet.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'queues-that-never-lose-a-parcel',
  title: 'Queues that never lose a parcel',
  standfirst:
    'Every scan of every parcel at Fernhill becomes an event. Staff Engineer Maya Okafor explains how the platform team made that pipeline deliver at least once, process exactly once, and stay boring under peak load.',
  speaker: 'maya-okafor',
  interviewer: 'jonah-reyes',
  topics: ['distributed-systems', 'reliability'],
  series: { slug: 'lessons-from-production', part: 2 },
  publishedAt: '2026-09-08T08:00:00.000Z',
  featured: true,
  cover: {
    from: '#3b1f5c',
    to: '#e07a5f',
    motif: 'orbit',
    alt: 'Abstract cover: a violet to coral gradient crossed by orbiting circles',
    caption: 'Illustration generated for Parley.',
  },
  seo: {
    description:
      'How Fernhill’s platform team built an event pipeline that delivers at least once and processes exactly once, told by Staff Engineer Maya Okafor.',
  },
  callToAction: { label: 'Join the platform team', url: 'https://careers.fernhill.example/engineering/platform' },
  diagrams: {
    pipeline: {
      alt: 'Diagram: scanner, ingest API, durable log, consumer and tracking database, joined left to right by arrows',
      caption: 'The path of one scan event. Only the durable log is allowed to say “accepted”.',
      steps: ['Scanner', 'Ingest API', 'Durable log', 'Consumer', 'Tracking DB'],
      colour: '#e07a5f',
    },
  },
  qa: [
    {
      question: 'What does the event pipeline actually carry?',
      answer: `Every time a parcel is scanned — at a depot, on a conveyor, in a driver’s hand — we produce an event. On a normal weekday that is around 40 million events; in the week before a holiday it is closer to 110 million.

![pipeline]

Those events drive everything customers see: the tracking page, the delivery window, the “your parcel is next” message. If we drop one, a parcel looks lost. If we process one twice, a customer gets two notifications and a support ticket.`,
    },
    {
      question: 'So which guarantee did you choose: at-least-once or exactly-once?',
      answer: `Both, at different layers. The transport gives us **at-least-once**: the scanner keeps retrying until the ingest API confirms that the event is in the durable log. Processing is made **effectively exactly-once** by the consumers.

### Idempotency keys everywhere

Every event carries a key built from the device, the parcel and the scan time. Consumers record the keys they have applied in the same transaction as the change itself, so a replayed event is a no-op.

\`\`\`sql consumers/apply_scan.sql
insert into applied_events (event_key, applied_at)
values ($1, now())
on conflict (event_key) do nothing
returning event_key;
\`\`\`

If that insert returns nothing, we have seen the event before and we stop there.`,
    },
    {
      question: 'Tell me about the week a queue went quiet.',
      answer: `It was a Tuesday in November. Dashboards were green, error rates were zero, and one region’s tracking pages had stopped moving. A consumer had lost its partition assignment after a rolling deploy and nothing complained, because *nothing was failing* — it was simply not running.

> A silent queue is the most dangerous thing in a pipeline. Errors page you; silence does not.

We now alert on the absence of progress rather than on the presence of errors:

- consumer lag per partition, not per topic;
- time since the last committed offset, with a per-partition threshold;
- a synthetic “canary parcel” scanned every minute in every region, whose event must arrive end to end within 90 seconds.`,
    },
    {
      question: 'How do you test all of this before peak season?',
      answer: `We replay. Every October we take a sanitised copy of the previous year’s peak week and replay it at 1.5× speed against a staging copy of the pipeline.

### What we look for

1. Lag stays under two minutes on every partition.
2. No consumer restarts more than once an hour.
3. The canary parcel never misses its 90-second window.

We also kill things on purpose during the replay: brokers, consumers, a whole availability zone. The point is not to prove it never breaks; it is to prove it recovers without a human.`,
    },
    {
      question: 'What would you tell a team building their first event pipeline?',
      answer: `Write down your delivery guarantee in one sentence before you write any code, and make every consumer idempotent from day one. Retro-fitting idempotency onto a consumer that has been running for two years is far more expensive than starting with it.

And measure progress, not just errors. Our [runbook template](https://engineering.fernhill.example/runbooks/queues) starts with “how would we know this has stopped?” for exactly that reason.`,
    },
  ],
}

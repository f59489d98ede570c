// Tomás Lindqvist on moving the tracking history table to a new schema without a maintenance window.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'four-billion-rows-no-downtime',
  title: 'Four billion rows, no maintenance window',
  standfirst:
    'Fernhill’s tracking history outgrew its schema. Principal Engineer Tomás Lindqvist walks through the eleven-week migration that moved four billion rows while customers kept refreshing their tracking pages.',
  speaker: 'tomas-lindqvist',
  interviewer: 'jonah-reyes',
  topics: ['databases', 'reliability'],
  series: { slug: 'lessons-from-production', part: 3 },
  publishedAt: '2026-09-22T08:00:00.000Z',
  cover: {
    from: '#0f3d3e',
    to: '#9bd1a6',
    motif: 'grid',
    alt: 'Abstract cover: a deep green to mint gradient under a regular grid of squares',
  },
  callToAction: {
    label: 'Read the migration checklist',
    url: 'https://engineering.fernhill.example/checklists/online-migrations',
  },
  diagrams: {
    phases: {
      alt: 'Diagram: four phases in order — dual write, backfill, verify, switch reads',
      caption: 'The four phases. Each one could be rolled back on its own.',
      steps: ['Dual write', 'Backfill', 'Verify', 'Switch reads'],
      colour: '#2a9d8f',
    },
  },
  qa: [
    {
      question: 'Why did the table have to change at all?',
      answer: `The original table stored one row per scan with a free-text location column. That was fine at ten million rows. At four billion, queries for “where has this parcel been” were scanning far more than they needed, and the location text made it impossible to index by depot.

The new schema splits location into a proper reference and partitions the history by month. Reads for a single parcel went from a median of 40 ms to 3 ms.`,
    },
    {
      question: 'How do you move four billion rows without stopping the world?',
      answer: `In phases, each of which can be undone on its own.

![phases]

### Dual write first

For two weeks, every write went to both the old and the new table. Nothing read from the new one yet. That gave us confidence that the new write path worked under real load before any customer depended on it.

### Then backfill, slowly

The backfill copied old rows in batches of 5,000, oldest first, throttled by replication lag. When lag on the replicas went over two seconds, the backfill paused itself.`,
    },
    {
      question: 'What did verification look like?',
      answer: `We compared the two tables continuously, not once at the end. A job sampled parcels, read their history from both tables and compared the results field by field.

- In week one it found 0.3% mismatches, almost all from time-zone handling in the old location text.
- In week four it found a handful caused by a race in the dual-write path.
- By week nine it had found nothing for fourteen days straight, which was our bar.

> We did not switch reads when we felt ready. We switched when the comparison job had been boring for two weeks.`,
    },
    {
      question: 'And the switch itself?',
      answer: `Behind a feature flag, region by region, starting with the smallest. Each region ran on the new table for a day before the next one moved. The flag could send reads back to the old table in seconds, and we kept the dual writes running for a month after the last region switched, just in case.

\`\`\`typescript tracking/historySource.ts
export function historySource(region: Region): HistoryTable {
  return flags.isOn('tracking-history-v2', {region}) ? historyV2 : historyV1
}
\`\`\``,
    },
    {
      question: 'What is on your checklist for the next migration?',
      answer: `1. Write the rollback for every phase before starting it.
2. Throttle on the health of the replicas, not on a fixed rate.
3. Verify continuously, and define “boring enough” up front.
4. Keep the old path alive longer than feels necessary.

None of it is clever. That is rather the point: clever migrations are the ones people remember for the wrong reasons.`,
    },
  ],
}

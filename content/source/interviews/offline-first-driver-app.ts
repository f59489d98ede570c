// Priya Raman on building Fernhill's driver app to work without a signal.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'offline-first-driver-app',
  title: 'Shipping a driver app that works without a signal',
  standfirst:
    'Drivers deliver in basements, tunnels and rural lanes. Engineering Manager Priya Raman on why the driver app treats the network as a nice-to-have, and what that did to the way her team tests.',
  speaker: 'priya-raman',
  interviewer: 'jonah-reyes',
  topics: ['mobile', 'distributed-systems'],
  publishedAt: '2026-10-06T08:00:00.000Z',
  featured: true,
  cover: {
    from: '#5c2a0f',
    to: '#f2c14e',
    motif: 'waves',
    alt: 'Abstract cover: amber waves rolling across a dark brown to gold gradient',
  },
  diagrams: {
    sync: {
      alt: 'Diagram: the app writes to a local outbox, a sync worker sends it to the delivery API, which confirms back',
      caption: 'Every action lands in the local outbox first; the network is only the second step.',
      steps: ['Driver taps', 'Local outbox', 'Sync worker', 'Delivery API'],
      colour: '#f2c14e',
    },
  },
  qa: [
    {
      question: 'How often is a driver actually offline?',
      answer: `More than you would guess. Our telemetry says a typical driver loses connectivity around 25 times a day, mostly for under a minute — lifts, underground car parks, the middle of a large warehouse. A few routes have stretches of forty minutes with nothing.

An app that blocks on the network would stop a driver from doing their job 25 times a day.`,
    },
    {
      question: 'What does “offline-first” mean in your app?',
      answer: `It means every action a driver takes succeeds locally first. Marking a parcel delivered, capturing a signature, reporting a damaged box: each one is written to an **outbox** on the phone, and the user sees it done immediately.

![sync]

### The outbox rules

- Entries are appended, never edited in place.
- Each entry carries an idempotency key, so the server can accept a resend safely.
- The sync worker sends entries in order per parcel, but different parcels can go in parallel.`,
    },
    {
      question: 'What happens when the server disagrees with the phone?',
      answer: `That is the hard part. Suppose a parcel was re-routed by the depot while the driver was underground, and the driver then marks it delivered at the old address.

> The phone is the truth about what the driver did. The server is the truth about what should happen next.

So the server accepts the delivery event as a fact, and then raises a conflict for the operations team rather than silently rejecting it. Rejecting it would just teach drivers that the app loses their work.`,
    },
    {
      question: 'How do you test for bad networks?',
      answer: `We stopped testing on office Wi-Fi. Every release candidate runs through a suite on real devices behind a network shaper with profiles recorded from actual routes:

1. the “car park” profile: full signal, then nothing for 90 seconds, then full signal;
2. the “rural lane” profile: 2G-like bandwidth with 20% packet loss;
3. the “tunnel” profile: connection drops in the middle of a request.

The test passes only if the outbox drains completely and no action is applied twice on the server.`,
    },
    {
      question: 'What changed for the team?',
      answer: `Product conversations changed first. “What does this screen do offline?” is now a question in every design review, not an afterthought in QA.

And we hired differently. We look for engineers who get curious about failure, who want to know what happens *after* the request times out. That curiosity is worth more to us than experience with any particular framework.`,
    },
  ],
}

// Fernhill, the invented logistics software company whose engineers Parley interviews: site settings, people, topics and the series.
import type { PersonSource, SeriesSource, TopicSource } from './types.ts'

export const siteSettings = {
  title: 'Parley',
  description:
    'Conversations with the engineers of Fernhill about the systems that move millions of parcels a day, and what building them taught them.',
  navigation: [
    { label: 'Interviews', href: '/interviews' },
    { label: 'Topics', href: '/topics' },
    { label: 'Speakers', href: '/speakers' },
    { label: 'Series', href: '/series/lessons-from-production' },
  ],
  careersUrl: 'https://careers.fernhill.example/engineering',
}

export const topics: TopicSource[] = [
  {
    slug: 'reliability',
    title: 'Reliability',
    description: 'Keeping systems up, and learning from the times they were not: on-call, incidents, error budgets.',
  },
  {
    slug: 'databases',
    title: 'Databases',
    description: 'Schemas, migrations, indexes and the art of changing data that is in use.',
  },
  {
    slug: 'distributed-systems',
    title: 'Distributed systems',
    description: 'Queues, retries, idempotency and the other ways computers disagree.',
  },
  {
    slug: 'mobile',
    title: 'Mobile',
    description: 'Apps that work in a van, in a basement and on a three-year-old phone.',
  },
  { slug: 'frontend', title: 'Frontend', description: 'Interfaces, design systems and the browser as a platform.' },
  {
    slug: 'security',
    title: 'Security',
    description: 'Threat models, secrets, and making the safe path the easy one.',
  },
  {
    slug: 'developer-experience',
    title: 'Developer experience',
    description: 'Tools, builds and habits that make everyday engineering faster and calmer.',
  },
  {
    slug: 'engineering-culture',
    title: 'Engineering culture',
    description: 'How teams decide, review, write things down and grow people.',
  },
]

export const series: SeriesSource[] = [
  {
    slug: 'lessons-from-production',
    title: 'Lessons from production',
    description:
      'Three engineers on the incidents, migrations and near misses that changed how Fernhill builds software. Read in order, or start anywhere.',
  },
]

export const people: PersonSource[] = [
  {
    slug: 'jonah-reyes',
    name: 'Jonah Reyes',
    role: 'Developer Advocate',
    team: 'Engineering Communications',
    company: 'Fernhill',
    bio: 'Jonah runs Parley. Before Fernhill he spent eight years writing backend services for a payments company, and he still reviews more pull requests than he admits.',
    links: [{ label: 'Mastodon', url: 'https://social.example/@jonahreyes' }],
    portrait: {
      from: '#28324a',
      to: '#7f9cc9',
      motif: 'rings',
      alt: 'Portrait illustration for Jonah Reyes: the initials JR on concentric blue rings',
    },
  },
  {
    slug: 'maya-okafor',
    name: 'Maya Okafor',
    role: 'Staff Engineer',
    team: 'Platform',
    company: 'Fernhill',
    bio: 'Maya leads the design of Fernhill’s event pipeline. She has been paged for every kind of queue failure there is and has written the runbooks to prove it.',
    links: [
      { label: 'Personal site', url: 'https://mayaokafor.example' },
      { label: 'GitHub', url: 'https://github.example/mokafor' },
    ],
    portrait: {
      from: '#3b1f5c',
      to: '#e07a5f',
      motif: 'orbit',
      alt: 'Portrait illustration for Maya Okafor: the initials MO with an orbiting dot on a violet to coral gradient',
    },
  },
  {
    slug: 'tomas-lindqvist',
    name: 'Tomás Lindqvist',
    role: 'Principal Engineer',
    team: 'Data Platform',
    company: 'Fernhill',
    bio: 'Tomás has migrated more databases than he can count on both hands. He cares about boring schemas, dull rollouts and checklists that people actually read.',
    links: [{ label: 'Blog', url: 'https://lindqvist.example/notes' }],
    portrait: {
      from: '#0f3d3e',
      to: '#9bd1a6',
      motif: 'grid',
      alt: 'Portrait illustration for Tomás Lindqvist: the initials TL on a green grid',
    },
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    role: 'Engineering Manager',
    team: 'Driver Apps',
    company: 'Fernhill',
    bio: 'Priya manages the team behind the app that 30,000 drivers use every day. She started as an Android engineer and still keeps a test phone in every bag.',
    links: [{ label: 'LinkedIn', url: 'https://linkedin.example/in/priyaraman' }],
    portrait: {
      from: '#5c2a0f',
      to: '#f2c14e',
      motif: 'waves',
      alt: 'Portrait illustration for Priya Raman: the initials PR over amber waves',
    },
  },
  {
    slug: 'grace-adeyemi',
    name: 'Grace Adeyemi',
    role: 'Senior Site Reliability Engineer',
    team: 'Reliability',
    company: 'Fernhill',
    bio: 'Grace has been on Fernhill’s on-call rotation since the first pager. She coaches new on-call engineers and edits every incident review for clarity.',
    links: [{ label: 'Talks', url: 'https://talks.example/grace-adeyemi' }],
    portrait: {
      from: '#1b2a41',
      to: '#e94f64',
      motif: 'blocks',
      alt: 'Portrait illustration for Grace Adeyemi: the initials GA on navy and red blocks',
    },
  },
  {
    slug: 'kenji-watanabe',
    name: 'Kenji Watanabe',
    role: 'Frontend Lead',
    team: 'Design Systems',
    company: 'Fernhill',
    bio: 'Kenji leads Fernhill’s design system, Tern. He is happiest when a designer opens a pull request and an engineer changes a Figma file.',
    links: [{ label: 'GitHub', url: 'https://github.example/kwatanabe' }],
    portrait: {
      from: '#14213d',
      to: '#48cae4',
      motif: 'stripes',
      alt: 'Portrait illustration for Kenji Watanabe: the initials KW on diagonal cyan stripes',
    },
  },
  {
    slug: 'sofia-marchetti',
    name: 'Sofia Marchetti',
    role: 'Security Engineer',
    team: 'Product Security',
    company: 'Fernhill',
    bio: 'Sofia works with product teams on threat models, secrets handling and the security review nobody has to book a meeting for.',
    links: [{ label: 'Personal site', url: 'https://sofiamarchetti.example' }],
    portrait: {
      from: '#2d0f24',
      to: '#c77dff',
      motif: 'rings',
      alt: 'Portrait illustration for Sofia Marchetti: the initials SM on purple rings',
    },
  },
]

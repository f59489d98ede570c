// Every schema type of the Parley content model, for the Studio and for tests.
import { interview } from './documents/interview.ts'
import { person } from './documents/person.ts'
import { redirect } from './documents/redirect.ts'
import { series } from './documents/series.ts'
import { topic } from './documents/topic.ts'
import { callToAction } from './objects/callToAction.ts'
import { codeBlock } from './objects/codeBlock.ts'
import { externalLink } from './objects/externalLink.ts'
import { navigationItem } from './objects/navigationItem.ts'
import { qaBlock } from './objects/qaBlock.ts'
import { richText } from './objects/richText.ts'
import { schedule } from './objects/schedule.ts'
import { seo } from './objects/seo.ts'
import { siteSettings } from './singletons/siteSettings.ts'

export { siteSettingsId } from './singletons/siteSettings.ts'

export const schemaTypes = [
  interview,
  person,
  topic,
  series,
  redirect,
  siteSettings,
  qaBlock,
  richText,
  codeBlock,
  seo,
  callToAction,
  externalLink,
  navigationItem,
  schedule,
]

export const singletonTypes: ReadonlySet<string> = new Set([siteSettings.name])

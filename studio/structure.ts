// The Studio's content tree: interviews by state (drafts, scheduled, published), people, topics, series, and the settings singleton.
import type { StructureResolver } from 'sanity/structure'
import { CogIcon } from '@sanity/icons/Cog'
import { ClockIcon } from '@sanity/icons/Clock'
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { EditIcon } from '@sanity/icons/Edit'
import { PublishIcon } from '@sanity/icons/Publish'
import { MicrophoneIcon } from '@sanity/icons/Microphone'
import { siteSettingsId } from '../schemas/index.ts'
import { apiVersion } from './environment.ts'

// Lists run with the drafts perspective, where `_id` is the published id and `_originalId` the real
// one; the list's live listener sees raw documents without `_originalId`. `coalesce` serves both.
const isDraft = 'coalesce(_originalId, _id) in path("drafts.**")'

export const interviewFilters = {
  drafts: `_type == "interview" && ${isDraft} && !defined(schedule.publishAt)`,
  scheduled: `_type == "interview" && ${isDraft} && defined(schedule.publishAt)`,
  published: `_type == "interview" && !(${isDraft})`,
}

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      S.listItem()
        .id('interviews')
        .title('Interviews')
        .icon(MicrophoneIcon)
        .child(
          S.list()
            .id('interviews')
            .title('Interviews')
            .items([
              S.listItem()
                .id('all-interviews')
                .title('All interviews')
                .icon(DocumentTextIcon)
                .child(
                  S.documentTypeList('interview')
                    .title('All interviews')
                    .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }]),
                ),
              S.listItem()
                .id('drafts')
                .title('Drafts')
                .icon(EditIcon)
                .child(
                  S.documentList()
                    .id('interview-drafts')
                    .title('Drafts')
                    .schemaType('interview')
                    .apiVersion(apiVersion)
                    .filter(interviewFilters.drafts)
                    .defaultOrdering([{ field: '_updatedAt', direction: 'desc' }]),
                ),
              S.listItem()
                .id('scheduled')
                .title('Scheduled')
                .icon(ClockIcon)
                .child(
                  S.documentList()
                    .id('interview-scheduled')
                    .title('Scheduled')
                    .schemaType('interview')
                    .apiVersion(apiVersion)
                    .filter(interviewFilters.scheduled)
                    .defaultOrdering([{ field: 'schedule.publishAt', direction: 'asc' }]),
                ),
              S.listItem()
                .id('published')
                .title('Published')
                .icon(PublishIcon)
                .child(
                  S.documentList()
                    .id('interview-published')
                    .title('Published')
                    .schemaType('interview')
                    .apiVersion(apiVersion)
                    .filter(interviewFilters.published)
                    .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }]),
                ),
            ]),
        ),
      S.divider(),
      S.documentTypeListItem('person').title('People'),
      S.documentTypeListItem('topic').title('Topics'),
      S.documentTypeListItem('series').title('Series'),
      S.documentTypeListItem('redirect').title('Redirects'),
      S.divider(),
      S.listItem()
        .id(siteSettingsId)
        .title('Settings')
        .icon(CogIcon)
        .child(S.document().schemaType('siteSettings').documentId(siteSettingsId).title('Site settings')),
    ])

// The newsletter's document types, in its own dataset (not Studio schema types: the site writes them, the Studio's
// Newsletter tool only counts them). One list for lib/newsletter and the Studio.
export const newsletterTypes = {
  subscriber: 'newsletterSubscriber',
  issue: 'newsletterIssue',
  delivery: 'newsletterDelivery',
} as const

export const defaultNewsletterDataset = 'newsletter'

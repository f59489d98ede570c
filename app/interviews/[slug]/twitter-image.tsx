// The Twitter/X card is the same picture as the Open Graph image.
import SocialImage from './opengraph-image.tsx'

export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'
export const alt = 'The interview’s speaker, with a quote from the interview'
export const revalidate = 3600

export default SocialImage

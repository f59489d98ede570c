// A responsive image from the content store with a srcset and the asset's low-quality placeholder as blur-up background.
import type { SanityImage as SanityImageValue } from '../../lib/content/schemas.ts'
import { responsiveImage } from '../../lib/sanity/image.ts'

type Props = {
  image: SanityImageValue
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string
  /** The widest the image is ever drawn, in CSS pixels; the srcset stops at twice that. */
  maxWidth?: number
  aspect?: number
  className?: string
  /** Above-the-fold images load at once; everything else lazily. */
  priority?: boolean
  /** Decorative uses (a portrait next to the name it shows) pass an empty alt. */
  decorative?: boolean
  /** The blurred placeholder is for large images; thumbnails skip it (it is repeated in the HTML and the RSC payload). */
  placeholder?: boolean
}

export function SanityImage({
  image,
  sizes,
  maxWidth,
  aspect,
  className,
  priority = false,
  decorative = false,
  placeholder = true,
}: Props) {
  const { src, srcSet, width, height } = responsiveImage(image, {
    ...(aspect ? { aspect } : {}),
    ...(maxWidth ? { maxDisplayWidth: maxWidth } : {}),
  })
  return (
    // Sanity's image CDN (or the lake's) makes the sizes in srcSet; next/image would resize each image a second time.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={sizes}
      width={width}
      height={height}
      alt={decorative ? '' : (image.alt ?? '')}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'sync' : 'async'}
      {...(priority ? { fetchPriority: 'high' as const } : {})}
      style={
        placeholder && image.asset.lqip
          ? { backgroundImage: `url(${image.asset.lqip})`, backgroundSize: 'cover' }
          : undefined
      }
    />
  )
}

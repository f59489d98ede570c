// Builds image URLs through @sanity/image-url, served by the lake's transforms locally or Sanity's image CDN when hosted.
import { createImageUrlBuilder, type ImageUrlBuilder } from '@sanity/image-url'
import { imageBaseUrl, sanityConfig } from './config.ts'
import type { SanityImage } from '../content/schemas.ts'

let builder: ImageUrlBuilder | undefined

function imageBuilder(): ImageUrlBuilder {
  const config = sanityConfig()
  builder ??= createImageUrlBuilder({
    projectId: config.projectId,
    dataset: config.dataset,
    baseUrl: imageBaseUrl(config),
  })
  return builder
}

/** The widths offered in a srcset; none larger than the original, so browsers never download an upscale. */
const srcsetWidths = [160, 320, 480, 640, 800, 960, 1280, 1600, 2000]

export type ResponsiveImage = { src: string; srcSet: string; width: number; height: number }

/**
 * A responsive image at `aspect` (width / height; the original's when omitted), cropped around the editor's hotspot.
 * `defaultWidth` is the src for browsers without srcset.
 */
export function responsiveImage(
  image: SanityImage,
  options: { aspect?: number; defaultWidth?: number; maxDisplayWidth?: number } = {},
): ResponsiveImage {
  const original = image.asset
  const aspect = options.aspect ?? original.width / original.height
  // Enough pixels for a 2× screen at the largest size the image is drawn, and no more: every srcset entry is
  // repeated in the HTML and the RSC payload of each page.
  const enough = 2 * (options.maxDisplayWidth ?? Number.POSITIVE_INFINITY)
  const fitting = srcsetWidths.filter((width) => width <= original.width)
  const widths = fitting.filter((width, index) => width <= enough || (fitting[index - 1] ?? 0) < enough)
  if (widths.length === 0) widths.push(original.width)
  const source = {
    asset: { _ref: original._id },
    ...(image.crop ? { crop: image.crop } : {}),
    ...(image.hotspot ? { hotspot: image.hotspot } : {}),
  }
  const url = (width: number) =>
    imageBuilder()
      .image(source)
      .width(width)
      .height(Math.round(width / aspect))
      .fit('crop')
      .auto('format')
      .url()
  const wanted = options.defaultWidth ?? Math.min(960, enough)
  const defaultWidth = widths.reduce((best, width) =>
    Math.abs(width - wanted) < Math.abs(best - wanted) ? width : best,
  )
  return {
    src: url(defaultWidth),
    srcSet: widths.map((width) => `${url(width)} ${width}w`).join(', '),
    width: defaultWidth,
    height: Math.round(defaultWidth / aspect),
  }
}

/** A single fixed-size URL, e.g. for Open Graph images and the social card's portrait. */
export function imageUrl(image: SanityImage, width: number, height: number, format: 'jpg' | 'png' = 'jpg'): string {
  const source = {
    asset: { _ref: image.asset._id },
    ...(image.crop ? { crop: image.crop } : {}),
    ...(image.hotspot ? { hotspot: image.hotspot } : {}),
  }
  return imageBuilder().image(source).width(width).height(height).fit('crop').format(format).quality(85).url()
}

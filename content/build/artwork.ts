// Draws the sample content's images with sharp from SVG we write here: gradient covers with geometric motifs, initialled portraits and small flow diagrams.
import sharp from 'sharp'
import type { Artwork, DiagramSource } from '../source/types.ts'

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/** A deterministic number stream from a text seed, so the same source always draws the same picture. */
function seededRandom(seed: string): () => number {
  let state = 2166136261
  for (const character of seed) state = Math.imul(state ^ character.charCodeAt(0), 16777619)
  return () => {
    state = Math.imul(state ^ (state >>> 15), 2246822507)
    state = Math.imul(state ^ (state >>> 13), 3266489909)
    state ^= state >>> 16
    return (state >>> 0) / 4294967296
  }
}

function motifShapes(artwork: Artwork, width: number, height: number, random: () => number): string {
  const shapes: string[] = []
  const white = (opacity: number) => `fill="#ffffff" fill-opacity="${opacity.toFixed(2)}"`
  switch (artwork.motif) {
    case 'rings':
      for (let ring = 1; ring <= 7; ring += 1)
        shapes.push(
          `<circle cx="${width * 0.7}" cy="${height * 0.45}" r="${ring * height * 0.09}" fill="none" stroke="#ffffff" stroke-opacity="${(0.32 - ring * 0.03).toFixed(2)}" stroke-width="${Math.max(2, height * 0.012)}"/>`,
        )
      break
    case 'orbit':
      shapes.push(`<circle cx="${width * 0.62}" cy="${height * 0.5}" r="${height * 0.3}" ${white(0.18)}/>`)
      for (let dot = 0; dot < 5; dot += 1) {
        const angle = random() * Math.PI * 2
        shapes.push(
          `<circle cx="${width * 0.62 + Math.cos(angle) * height * 0.42}" cy="${height * 0.5 + Math.sin(angle) * height * 0.42}" r="${height * (0.02 + random() * 0.04)}" ${white(0.55)}/>`,
        )
      }
      shapes.push(
        `<ellipse cx="${width * 0.62}" cy="${height * 0.5}" rx="${height * 0.42}" ry="${height * 0.42}" fill="none" stroke="#ffffff" stroke-opacity="0.3" stroke-width="${height * 0.006}"/>`,
      )
      break
    case 'grid': {
      const cell = height / 9
      for (let x = 0; x < width / cell; x += 1)
        for (let y = 0; y < 9; y += 1)
          if (random() > 0.55)
            shapes.push(
              `<rect x="${x * cell + cell * 0.15}" y="${y * cell + cell * 0.15}" width="${cell * 0.7}" height="${cell * 0.7}" rx="${cell * 0.1}" ${white(0.06 + random() * 0.2)}/>`,
            )
      break
    }
    case 'waves':
      for (let wave = 0; wave < 6; wave += 1) {
        const y = height * (0.35 + wave * 0.1)
        shapes.push(
          `<path d="M0 ${y} C ${width * 0.25} ${y - height * 0.12}, ${width * 0.5} ${y + height * 0.12}, ${width} ${y - height * 0.05} L ${width} ${height} L 0 ${height} Z" ${white(0.07)}/>`,
        )
      }
      break
    case 'blocks':
      for (let block = 0; block < 9; block += 1) {
        const blockWidth = width * (0.08 + random() * 0.14)
        const blockHeight = height * (0.1 + random() * 0.3)
        shapes.push(
          `<rect x="${width * (0.45 + random() * 0.45) - blockWidth / 2}" y="${height * (0.15 + random() * 0.6)}" width="${blockWidth}" height="${blockHeight}" rx="${height * 0.01}" ${white(0.1 + random() * 0.25)}/>`,
        )
      }
      break
    case 'stripes':
      for (let stripe = -6; stripe < 14; stripe += 1)
        shapes.push(
          `<rect x="${stripe * width * 0.09}" y="${-height}" width="${width * 0.03}" height="${height * 3}" transform="rotate(30 ${width / 2} ${height / 2})" ${white(0.05 + (stripe % 3) * 0.05)}/>`,
        )
      break
  }
  return shapes.join('')
}

function gradient(artwork: Artwork): string {
  return `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${artwork.from}"/><stop offset="1" stop-color="${artwork.to}"/></linearGradient></defs>`
}

async function toJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toBuffer()
}

/** A 1600×900 cover: gradient, motif and nothing else (the title is the page's job). */
export function drawCover(artwork: Artwork, seed: string): Promise<Buffer> {
  const [width, height] = [1600, 900]
  const random = seededRandom(seed)
  return toJpeg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${gradient(artwork)}<rect width="${width}" height="${height}" fill="url(#g)"/>${motifShapes(artwork, width, height, random)}</svg>`,
  )
}

/** A 640×640 portrait: the person's motif behind their initials. */
export function drawPortrait(artwork: Artwork, name: string): Promise<Buffer> {
  const size = 640
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
  return toJpeg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${gradient(artwork)}<rect width="${size}" height="${size}" fill="url(#g)"/>${motifShapes(artwork, size, size, seededRandom(name))}` +
      `<circle cx="${size / 2}" cy="${size / 2}" r="${size * 0.3}" fill="#000000" fill-opacity="0.25"/>` +
      `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="700" font-size="${size * 0.22}" fill="#ffffff">${escapeXml(initials)}</text></svg>`,
  )
}

/** A 1200×520 flow diagram: one rounded box per step, arrows between them. */
export function drawDiagram(diagram: DiagramSource): Promise<Buffer> {
  const [width, height] = [1200, 520]
  const count = diagram.steps.length
  const gap = 44
  const boxWidth = (width - 80 - gap * (count - 1)) / count
  const boxHeight = 150
  const top = (height - boxHeight) / 2
  const fontSize = Math.min(30, (boxWidth / Math.max(...diagram.steps.map((step) => step.length))) * 1.7)
  const parts = diagram.steps.map((step, index) => {
    const x = 40 + index * (boxWidth + gap)
    const arrow =
      index < count - 1
        ? `<path d="M${x + boxWidth + 8} ${height / 2} L${x + boxWidth + gap - 12} ${height / 2}" stroke="#334155" stroke-width="5"/><path d="M${x + boxWidth + gap - 6} ${height / 2} l-14 -10 v20 z" fill="#334155"/>`
        : ''
    return (
      `<rect x="${x}" y="${top}" width="${boxWidth}" height="${boxHeight}" rx="18" fill="${diagram.colour}" fill-opacity="${(0.25 + (index / count) * 0.5).toFixed(2)}" stroke="#334155" stroke-width="3"/>` +
      `<text x="${x + boxWidth / 2}" y="${height / 2}" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${fontSize.toFixed(1)}" fill="#0f172a">${escapeXml(step)}</text>${arrow}`
    )
  })
  return toJpeg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#f8fafc"/>${parts.join('')}</svg>`,
  )
}

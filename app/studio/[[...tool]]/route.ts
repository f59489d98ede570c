// /studio sends editors to the Studio the lake serves (SANITY_STUDIO_URL), keeping the Studio out of the reader site's build.

export const dynamic = 'force-dynamic'

const defaultStudioUrl = 'https://localhost:3334/studio/'

export async function GET(request: Request, { params }: { params: Promise<{ tool?: string[] }> }): Promise<Response> {
  const base = new URL(process.env.SANITY_STUDIO_URL || defaultStudioUrl)
  const { tool = [] } = await params
  const target = new URL(tool.map(encodeURIComponent).join('/'), base.href.endsWith('/') ? base : `${base.href}/`)
  target.search = new URL(request.url).search
  return Response.redirect(target, 307)
}

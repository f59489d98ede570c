// Static params for a build: when the content API cannot be reached the build still succeeds and pages render on first visit.

export async function staticParamsOrNone<T>(what: string, load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load()
  } catch (error) {
    console.warn(
      `[build] could not list ${what}; they will render on first request:`,
      error instanceof Error ? error.message : error,
    )
    return []
  }
}

// Reads and checks the `:dataset` segment of data API paths (writes create a dataset; reads need it to exist).
import { datasetNameProblem } from '../mutations/identifiers.ts'
import type { LakeContext } from '../context.ts'
import { badRequest, datasetNotFound } from './errors.ts'

export function datasetParam(params: Record<string, string>): string {
  const name = params.dataset ?? ''
  const problem = datasetNameProblem(name)
  if (problem) throw badRequest('invalidDatasetName', problem)
  return name
}

/** The `:dataset` of a read (query, doc, listen, history, export): a 404 as on hosted Sanity when it does not exist. */
export function existingDataset(params: Record<string, string>, lake: LakeContext): string {
  const name = datasetParam(params)
  if (!lake.store.hasDataset(name)) throw datasetNotFound(name, lake.projectId)
  return name
}

// Reads and checks the `:dataset` segment of data API paths.
import { datasetNameProblem } from '../mutations/identifiers.ts'
import { badRequest } from './errors.ts'

export function datasetParam(params: Record<string, string>): string {
  const name = params.dataset ?? ''
  const problem = datasetNameProblem(name)
  if (problem) throw badRequest('invalidDatasetName', problem)
  return name
}

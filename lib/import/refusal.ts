// The one error an import raises for input it cannot use: says what was wrong with which file and what to do.
export class ImportRefusal extends Error {
  readonly file: string

  constructor(file: string, reason: string) {
    super(reason)
    this.name = 'ImportRefusal'
    this.file = file
  }
}

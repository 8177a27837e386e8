/** A problem with what the user gave us: printed as one line naming the input, exit code 2. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
    this.name = 'InputError';
  }
}

// Results go to stdout as JSON (for scripts); messages for the person at the terminal go to stderr.

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One compact JSON object per line (JSON Lines): easy to filter with jq or grep, and streams well. */
export function printJsonLines(values: readonly unknown[]): void {
  process.stdout.write(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
}

export function printMessage(message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
}

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const COLOURS = [36, 35, 33, 32, 34, 96, 95, 93];
// Fits `[notification-2]`, the longest name with `--replicas`.
const width = 17;

export function colour(code: number, text: string): string {
  return useColour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A fixed-width, coloured `[name]` prefix per process, so interleaved output stays readable. */
export function prefixFor(name: string, index: number): string {
  return colour(COLOURS[index % COLOURS.length]!, `[${name}]`.padEnd(width));
}

export function say(message: string): void {
  console.log(`${colour(1, '[stack]'.padEnd(width))}${message}`);
}

export function shout(message: string): void {
  console.error(colour(31, `${'[stack]'.padEnd(width)}!!! ${message}`));
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads a QR code back from PNG bytes, as a camera at the counter would. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/**
 * A tiny iCalendar reader: unfolds continuation lines (RFC 5545 §3.1) and returns the properties of
 * the VCALENDAR and the first VEVENT, by name without parameters.
 */
export function parseIcs(ics: string): { calendar: Record<string, string>; event: Record<string, string> } {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l.length > 0);
  const calendar: Record<string, string> = {};
  const event: Record<string, string> = {};
  const stack: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0].toUpperCase();
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') stack.push(value);
    else if (name === 'END') stack.pop();
    else if (stack.join('/') === 'VCALENDAR') calendar[name] = value;
    else if (stack.join('/') === 'VCALENDAR/VEVENT' && !(name in event)) event[name] = value;
  }
  if (stack.length !== 0 || !lines[0]?.startsWith('BEGIN:VCALENDAR')) throw new Error('not a complete iCalendar object');
  return { calendar, event };
}

/** iCalendar text escapes: `\,` `\;` `\\` and `\n`. */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([,;\\nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

import type { RawMessage } from './range-reader';

/**
 * One pull batch as the reader thread hands it over: every body in one buffer, already shaped as the
 * JSON array `[body,body,…]`, beside the stream sequences and the subjects. The buffers are transferred,
 * not copied, and the reading thread turns a whole batch into commit bodies with one UTF-8 decode and one
 * JSON.parse instead of a thousand of each.
 */
export interface PackedBatch {
  readonly json: Uint8Array;
  readonly seqs: Float64Array;
  /** The subjects, joined by `\n` (a subject token never contains one). */
  readonly subjects: string;
}

const OPEN = 0x5b; // [
const COMMA = 0x2c; // ,
const CLOSE = 0x5d; // ]

/** Packs messages whose bodies are JSON values (commits: a stored commit never has an empty body). */
export function packBatch(messages: readonly RawMessage[]): PackedBatch {
  let size = 1 + messages.length;
  for (let i = 0; i < messages.length; i++) size += messages[i]!.data.length;
  const json = new Uint8Array(Math.max(size, 2));
  const seqs = new Float64Array(messages.length);
  const subjects = new Array<string>(messages.length);
  json[0] = OPEN;
  let at = 1;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (i > 0) json[at++] = COMMA;
    json.set(m.data, at);
    at += m.data.length;
    seqs[i] = m.seq;
    subjects[i] = m.subject;
  }
  json[at] = CLOSE;
  return { json, seqs, subjects: subjects.join('\n') };
}

/** The buffers to transfer with a packed batch. */
export function transferables(batch: PackedBatch): ArrayBuffer[] {
  return [batch.json.buffer as ArrayBuffer, batch.seqs.buffer as ArrayBuffer];
}

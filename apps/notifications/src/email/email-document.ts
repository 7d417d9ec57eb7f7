/**
 * A small document model between the wording and the two renderers, so that the HTML part and the
 * text part are built from the same content and cannot drift apart.
 */
export type EmailBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'lines'; readonly lines: readonly string[] }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'details'; readonly rows: readonly (readonly [label: string, value: string])[] }
  /** A prominent link; `fallback` introduces the bare address for clients that mangle the button. */
  | { readonly type: 'button'; readonly label: string; readonly url: string; readonly fallback: string }
  | { readonly type: 'link'; readonly label: string; readonly url: string }
  | { readonly type: 'image'; readonly cid: string; readonly alt: string; readonly size: number };

export interface EmailSection {
  readonly heading: string;
  readonly blocks: readonly EmailBlock[];
}

export interface EmailDocument {
  readonly language: string;
  readonly subject: string;
  readonly heading: string;
  /** Greeting and the first paragraphs, before the first section. */
  readonly intro: readonly EmailBlock[];
  readonly sections: readonly EmailSection[];
  readonly closing: readonly string[];
  readonly footer: readonly string[];
}

export const paragraph = (text: string): EmailBlock => ({ type: 'paragraph', text });
export const list = (items: readonly string[]): EmailBlock => ({ type: 'list', items });
export const lines = (value: readonly string[]): EmailBlock => ({ type: 'lines', lines: value });

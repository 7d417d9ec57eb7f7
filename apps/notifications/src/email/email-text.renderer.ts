import { assertNever } from '@app/domain';
import type { EmailBlock, EmailDocument, EmailSection } from './email-document';

/** The plain-text part: the same content as the HTML, for text-only clients and screen readers alike. */
export function renderText(doc: EmailDocument): string {
  const parts = [
    underline(doc.heading, '='),
    ...doc.intro.map(renderBlock),
    ...doc.sections.map(renderSection),
    doc.closing.join('\n'),
    ['--', ...doc.footer].join('\n'),
  ];
  return `${parts.filter((p) => p.length > 0).join('\n\n')}\n`;
}

function underline(heading: string, char: string): string {
  return `${heading}\n${char.repeat(Math.max(3, [...heading].length))}`;
}

function renderSection(section: EmailSection): string {
  return [underline(section.heading, '-'), ...section.blocks.map(renderBlock).filter((b) => b.length > 0)].join('\n\n');
}

function renderBlock(block: EmailBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'lines':
      return block.lines.join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'details':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'button':
      return `${block.label}:\n${block.url}`;
    case 'link':
      return `${block.label}:\n${block.url}`;
    case 'image':
      // The QR code has no text equivalent beyond the reference, which the surrounding text already gives.
      return '';
    default:
      return assertNever(block);
  }
}

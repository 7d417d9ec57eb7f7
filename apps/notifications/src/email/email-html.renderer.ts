import { assertNever } from '@app/domain';
import type { EmailBlock, EmailDocument, EmailSection } from './email-document';
import { escapeHtml as e, safeUrl } from './email-format';

/*
 * Accessible HTML for mail clients: a lang attribute, one h1 and h2 per section, real lists, a
 * definition list for the appointment facts, no layout tables, link texts that say where they lead,
 * alt text on the only image, and colours well above WCAG AA contrast (#1a1a1a and #0b4f9c on white).
 * Styles are inline because many clients drop <style>. Everything is readable with images blocked.
 */
const TEXT = '#1a1a1a';
const MUTED = '#4a4a4a';
const LINK = '#0b4f9c';

const S = {
  body: `margin:0;padding:0;background:#f3f3f3;color:${TEXT};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5`,
  article: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff',
  h1: `margin:0 0 16px;font-size:24px;line-height:1.3;color:${TEXT}`,
  h2: `margin:28px 0 8px;font-size:19px;line-height:1.3;color:${TEXT}`,
  p: 'margin:0 0 12px',
  list: 'margin:0 0 12px;padding-left:24px',
  dt: 'margin:8px 0 0;font-weight:bold',
  dd: 'margin:0 0 4px',
  link: `color:${LINK};text-decoration:underline`,
  button: `display:inline-block;padding:12px 20px;background:${LINK};color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px`,
  footer: `margin:32px 0 0;padding-top:16px;border-top:1px solid #d0d0d0;font-size:14px;color:${MUTED}`,
};

export function renderHtml(doc: EmailDocument): string {
  const lang = e(doc.language);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${e(doc.subject)}</title>`,
    '</head>',
    `<body style="${S.body}">`,
    `<div role="article" aria-roledescription="email" aria-label="${e(doc.subject)}" lang="${lang}" style="${S.article}">`,
    `<h1 style="${S.h1}">${e(doc.heading)}</h1>`,
    ...doc.intro.map(renderBlock),
    ...doc.sections.map(renderSection),
    `<p style="${S.p};margin-top:28px">${doc.closing.map(e).join('<br>')}</p>`,
    `<footer style="${S.footer}">${doc.footer.map((line) => `<p style="${S.p}">${e(line)}</p>`).join('')}</footer>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function renderSection(section: EmailSection): string {
  return [`<h2 style="${S.h2}">${e(section.heading)}</h2>`, ...section.blocks.map(renderBlock)].join('\n');
}

function renderBlock(block: EmailBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="${S.p}">${e(block.text)}</p>`;
    case 'lines':
      return `<p style="${S.p}">${block.lines.map(e).join('<br>')}</p>`;
    case 'list':
      return `<ul style="${S.list}">${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
    case 'details':
      return `<dl style="margin:0 0 12px">${block.rows
        .map(([label, value]) => `<dt style="${S.dt}">${e(label)}</dt><dd style="${S.dd}">${e(value)}</dd>`)
        .join('')}</dl>`;
    case 'button':
      return [
        `<p style="${S.p}"><a href="${e(safeUrl(block.url))}" style="${S.button}">${e(block.label)}</a></p>`,
        `<p style="${S.p};font-size:14px">${e(block.fallback)}<br><a href="${e(safeUrl(block.url))}" style="${S.link};word-break:break-all">${e(block.url)}</a></p>`,
      ].join('\n');
    case 'link':
      return `<p style="${S.p}"><a href="${e(safeUrl(block.url))}" style="${S.link};word-break:break-all">${e(block.label)}</a></p>`;
    case 'image':
      return `<p style="${S.p}"><img src="cid:${e(block.cid)}" alt="${e(block.alt)}" width="${block.size}" height="${block.size}" style="display:block;border:0"></p>`;
    default:
      return assertNever(block);
  }
}

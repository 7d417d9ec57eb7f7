import { escapeHtml, formatDate, formatDateTime, formatFee, formatTime, formatTimeRange, safeUrl, singleLine } from './email-format';

const NBSP = '\u00a0';
const WINTER = Date.UTC(2026, 11, 1, 8, 0); // 09:00 CET
const SUMMER = Date.UTC(2026, 6, 14, 7, 30); // 09:30 CEST

describe('dates and times are Berlin wall-clock time in the citizen\'s language', () => {
  it('formats a winter date (UTC+1) in German and English', () => {
    expect(formatDateTime(WINTER, 'de')).toBe('Di., 1. Dezember 2026, 09:00 Uhr');
    expect(formatDateTime(WINTER, 'en')).toBe('Tue, 1 December 2026, 09:00');
  });

  it('formats a summer date (UTC+2) in German and English', () => {
    expect(formatDateTime(SUMMER, 'de')).toBe('Di., 14. Juli 2026, 09:30 Uhr');
    expect(formatDateTime(SUMMER, 'en')).toBe('Tue, 14 July 2026, 09:30');
  });

  it('takes the Berlin date, not the UTC date, around midnight', () => {
    const utcEvening = Date.UTC(2026, 11, 31, 23, 30); // already 1 January 2027, 00:30 in Berlin
    expect(formatDate(utcEvening, 'de')).toBe('Fr., 1. Januar 2027');
    expect(formatTime(utcEvening, 'de')).toBe('00:30 Uhr');
  });

  it('follows the spring clock change (29 March 2026, 02:00 → 03:00)', () => {
    expect(formatTime(Date.UTC(2026, 2, 29, 0, 59), 'en')).toBe('01:59');
    expect(formatTime(Date.UTC(2026, 2, 29, 1, 0), 'en')).toBe('03:00');
  });

  it('writes a time range with an en dash', () => {
    expect(formatTimeRange(WINTER, WINTER + 30 * 60_000, 'de')).toBe('09:00–09:30 Uhr');
    expect(formatTimeRange(WINTER, WINTER + 45 * 60_000, 'en')).toBe('09:00–09:45');
  });
});

describe('fees', () => {
  it('uses German and English currency conventions', () => {
    expect(formatFee(3700, 'de')).toBe(`37,00${NBSP}€`);
    expect(formatFee(3700, 'en')).toBe('€37.00');
    expect(formatFee(123456, 'de')).toBe(`1.234,56${NBSP}€`);
  });
});

describe('escaping', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('lets only http(s) links through', () => {
    expect(safeUrl('https://termine.example/m')).toBe('https://termine.example/m');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl(' data:text/html,x')).toBe('#');
  });

  it('removes line breaks that could inject headers', () => {
    expect(singleLine('Erika\r\nBcc: evil@example.org')).toBe('Erika Bcc: evil@example.org');
  });
});

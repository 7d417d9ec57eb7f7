import { invalid, tooMany, unavailable } from '@app/domain';
import { toProblem } from './security-refusal';

describe('toProblem', () => {
  it('renders the platform problem shape (German detail, English detail_en, type per code) with details and instance', () => {
    const problem = toProblem(tooMany('rate_limited', { de: 'Zu viele', en: 'Too many' }, { policy: 'hold' }), undefined, '/api/x');
    expect(problem).toEqual({
      type: 'urn:schalter:problem:rate_limited',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Zu viele',
      detail_en: 'Too many',
      code: 'rate_limited',
      details: { policy: 'hold' },
      instance: '/api/x',
    });
  });

  it('maps kinds to statuses and lets the caller override (413)', () => {
    expect(toProblem(unavailable('x', { de: 'd', en: 'e' })).status).toBe(503);
    expect(toProblem(invalid('x', { de: 'd', en: 'e' })).status).toBe(400);
    expect(toProblem(invalid('payload_too_large', { de: 'd', en: 'e' }), 413).title).toBe('Content Too Large');
  });
});

import { invalid, tooMany, unavailable } from '@app/domain';
import { toProblem } from './security-refusal';

describe('toProblem', () => {
  it('renders RFC 9457 fields with German detail, English detailEn and the stable code', () => {
    const problem = toProblem(tooMany('rate_limited', { de: 'Zu viele', en: 'Too many' }, { policy: 'hold' }), undefined, '/api/x');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Zu viele',
      detailEn: 'Too many',
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

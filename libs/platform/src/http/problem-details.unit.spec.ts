import { conflict, type ErrorKind, invalid, ruleViolation } from '@app/domain';
import { z } from 'zod';
import { validationError } from '../errors/domain-exception';
import { httpStatusOf, toProblemDetails } from './problem-details';

describe('problem details', () => {
  it('maps every error kind to its HTTP status', () => {
    const expected: Record<ErrorKind, number> = {
      invalid: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      rule: 422,
      too_many: 429,
      unavailable: 503,
    };
    for (const [kind, status] of Object.entries(expected)) expect(httpStatusOf(kind as ErrorKind)).toBe(status);
  });

  it('carries code, German and English detail and the correlation id', () => {
    const error = conflict('slot_taken', { de: 'Der Termin ist bereits vergeben.', en: 'The slot is already taken.' });
    expect(toProblemDetails(error, 'c-1')).toEqual({
      type: 'urn:schalter:problem:slot_taken',
      title: 'Conflict',
      status: 409,
      detail: 'Der Termin ist bereits vergeben.',
      detail_en: 'The slot is already taken.',
      code: 'slot_taken',
      correlationId: 'c-1',
    });
  });

  it('lists the field errors of a failed validation', () => {
    const parsed = z.object({ contact: z.object({ email: z.string().email() }), quantity: z.number().int() }).safeParse({ contact: { email: 'x' }, quantity: 1.5 });
    if (parsed.success) throw new Error('expected invalid input');
    const problem = toProblemDetails(validationError(parsed.error));
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.path)).toEqual(['contact.email', 'quantity']);
    expect(problem).not.toHaveProperty('correlationId');
  });

  it('leaves out errors when the details hold none', () => {
    const problem = toProblemDetails(ruleViolation('too_late', { de: 'Zu spät.', en: 'Too late.' }, { minutes: 30 }));
    expect(problem.status).toBe(422);
    expect(problem).not.toHaveProperty('errors');
  });

  it('lets a caller override the status for errors that are not domain refusals', () => {
    expect(toProblemDetails(invalid('http_405', { de: 'x', en: 'y' }), undefined, 405).status).toBe(405);
  });
});

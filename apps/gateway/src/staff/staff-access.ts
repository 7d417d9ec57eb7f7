import type { Request } from 'express';
import type { StaffSession } from './staff-session-store';
import type { Actor } from './staff-user';

/** What the guards leave on the request for the handler. */
export interface StaffRequest extends Request {
  staffSession?: { readonly id: string; readonly session: StaffSession };
  actor?: Actor;
}

/** The acting user or device; the guard has run, so it is present. */
export function actorOf(req: StaffRequest): Actor {
  if (!req.actor) throw new Error('actorOf() on a route without @StaffOnly or @KioskOnly');
  return req.actor;
}

export function officeIdOf(req: Request): string | undefined {
  const fromParam = req.params?.['officeId'];
  if (typeof fromParam === 'string') return fromParam;
  const fromQuery = req.query?.['officeId'];
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

export const SESSION_COOKIE = 'schalter_staff';

export function sessionIdOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

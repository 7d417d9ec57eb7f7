/**
 * Staff roles. `kiosk` is not a person: it is the walk-in kiosk device of one office, which may only
 * issue walk-in tickets there (see kiosk-device.ts).
 */
export const STAFF_ROLES = ['clerk', 'office_manager', 'analyst', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type ActorRole = StaffRole | 'kiosk';

/** `'*'` = every office (admins, analysts); a clerk or office manager names their offices. */
export type OfficeScope = readonly string[] | '*';

export interface StaffUser {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly offices: OfficeScope;
}

/** Who did something: stored in every event's `meta.actor` by the service that appends it. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  readonly officeId?: string;
}

export function mayActFor(offices: OfficeScope, officeId: string): boolean {
  return offices === '*' || offices.includes(officeId);
}

/** Roles that run the counter and the front desk. Analysts read figures only, never the live queue. */
export const FRONT_DESK_ROLES: readonly ActorRole[] = ['clerk', 'office_manager', 'admin'];
/** Opening and closing counters shapes the whole office's day: managers and admins. Clerks open their own. */
export const COUNTER_ROLES: readonly ActorRole[] = ['clerk', 'office_manager', 'admin'];

import type { Instant, LocalDate } from '../shared/local-time';
import type { Catalog } from '../catalog/catalog.schema';

export interface ContactContext {
  readonly now: Instant;
  readonly catalog: Catalog;
}

interface PlaceCore {
  readonly placeId: string;
  readonly officeId: string;
  readonly date: LocalDate;
  readonly endsAt: Instant;
}

export type Place =
  | (PlaceCore & { readonly status: 'reserved'; readonly expiresAt: Instant })
  | (PlaceCore & { readonly status: 'confirmed'; readonly appointmentId: string })
  | (PlaceCore & { readonly status: 'released' });

export interface ContactState {
  readonly places: Readonly<Record<string, Place>>;
}

export const initialContactState: ContactState = { places: {} };

/**
 * A place counts while its appointment lies ahead: confirmed, or reserved and not yet expired. Past
 * appointments stop counting by time, like expired holds on the calendar.
 */
export function placeIsOpen(place: Place, now: Instant): boolean {
  if (now >= place.endsAt) return false;
  switch (place.status) {
    case 'reserved':
      return now < place.expiresAt;
    case 'confirmed':
      return true;
    case 'released':
      return false;
  }
}

export const openPlaces = (state: ContactState, now: Instant) => Object.values(state.places).filter((p) => placeIsOpen(p, now)).length;

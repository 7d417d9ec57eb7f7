import { shippedCatalog } from './catalog.fixture';
import { selectServices, type ServiceLine } from './service-selection';

const catalog = shippedCatalog();
const office = catalog.offices[0];
const codeOf = (lines: ServiceLine[], cat = catalog) => {
  const result = selectServices(cat, office, lines);
  return result.ok ? 'ok' : result.error.code;
};

describe('choosing services for one appointment', () => {
  it('adds up minutes × quantity', () => {
    const result = selectServices(catalog, office, [{ serviceId: 'personalausweis', quantity: 2 }, { serviceId: 'anmeldung', quantity: 3 }]);
    expect(result.ok && result.value).toEqual({ services: [{ serviceId: 'personalausweis', quantity: 2 }, { serviceId: 'anmeldung', quantity: 3 }], minutes: 60 });
  });

  it('refuses each broken rule with its own code', () => {
    expect(codeOf([])).toBe('no_services');
    expect(codeOf([{ serviceId: 'hundesteuer', quantity: 1 }])).toBe('unknown_service');
    expect(codeOf([{ serviceId: 'reisepass', quantity: 1 }, { serviceId: 'reisepass', quantity: 1 }])).toBe('duplicate_service');
    expect(codeOf([{ serviceId: 'reisepass', quantity: 0 }])).toBe('invalid_quantity');
    expect(codeOf([{ serviceId: 'reisepass', quantity: 5 }])).toBe('quantity_too_high');
    expect(codeOf([{ serviceId: 'anmeldung', quantity: 1 }, { serviceId: 'ummeldung', quantity: 1 }])).toBe('not_combinable');
  });

  it('refuses a service that is only for walk-ins', () => {
    const walkInOnly = { ...catalog, services: catalog.services.map((s) => (s.id === 'reisepass' ? { ...s, bookableOnline: false } : s)) };
    expect(codeOf([{ serviceId: 'reisepass', quantity: 1 }], walkInOnly)).toBe('not_bookable_online');
  });

  it('refuses services no single counter handles together', () => {
    const split = { ...office, counters: [{ id: 'a', name: office.counters[0].name, services: ['reisepass'] }, { id: 'b', name: office.counters[0].name, services: ['anmeldung'] }] };
    const result = selectServices(catalog, split, [{ serviceId: 'reisepass', quantity: 1 }, { serviceId: 'anmeldung', quantity: 1 }]);
    expect(!result.ok && result.error.code).toBe('service_not_offered');
  });
});

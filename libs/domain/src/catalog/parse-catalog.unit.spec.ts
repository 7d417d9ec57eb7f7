import extra from '../../../../config/catalog.example-extra-service.json';
import { parseCatalog } from './parse-catalog';
import { rawCatalog, shippedCatalog } from './catalog.fixture';

function issuesOf(json: unknown): string[] {
  const result = parseCatalog(json);
  if (result.ok) throw new Error('expected the catalogue to be refused');
  expect(result.error.code).toBe('catalog_invalid');
  expect(result.error.kind).toBe('invalid');
  return result.error.details?.issues as string[];
}

describe('the shipped catalogue', () => {
  it('parses, carries a version and lists the seven services of the Halberstadt Bürgerbüro', () => {
    const catalog = shippedCatalog();
    expect(catalog.version).toBe('2026.1');
    expect(catalog.services.map((s) => s.id)).toEqual([
      'personalausweis', 'reisepass', 'kinderreisepass', 'anmeldung', 'ummeldung', 'fuehrungszeugnis', 'gewerbezentralregister',
    ]);
    expect(catalog.offices[0]).toMatchObject({ id: 'hbs', timeZone: 'Europe/Berlin', address: { city: 'Halberstadt' } });
    expect(catalog.offices[0].counters).toHaveLength(4);
  });

  it('states every service with German and English names and documents', () => {
    for (const service of shippedCatalog().services) {
      expect(service.documents.length).toBeGreaterThan(0);
      for (const text of [service.name, ...service.documents]) expect(text.de && text.en).toBeTruthy();
    }
  });

  it('takes a new service from configuration alone', () => {
    const parsed = parseCatalog(extra);
    expect(parsed.ok && parsed.value.services.map((s) => s.id)).toContain('beglaubigung');
  });
});

describe('a broken catalogue', () => {
  it('names the path of a bad number', () => {
    const raw = rawCatalog();
    raw.services[2].minutes = -5;
    raw.services[3].maxQuantity = 1.5;
    expect(issuesOf(raw)).toEqual(['services[2].minutes: must be a positive integer', 'services[3].maxQuantity: must be a positive integer']);
  });

  it('names missing fields and wrong types at once', () => {
    const raw = rawCatalog();
    delete raw.version;
    raw.offices[0].booking.requiresActivation = 'yes';
    raw.offices[0].openingHours.mon[0].from = '8 Uhr';
    const issues = issuesOf(raw);
    expect(issues).toContain('version: is required');
    expect(issues).toContain('offices[0].openingHours.mon[0].from: must be a time HH:MM');
    expect(issues.some((i) => i.startsWith('offices[0].booking.requiresActivation:'))).toBe(true);
  });

  it('refuses references to services that do not exist', () => {
    const raw = rawCatalog();
    raw.services[0].combinableWith.push('fischereischein');
    raw.offices[0].counters[1].services.push('hundesteuer');
    expect(issuesOf(raw)).toEqual([
      'services[0].combinableWith[6]: unknown service "fischereischein"',
      'offices[0].counters[1].services[7]: unknown service "hundesteuer"',
    ]);
  });

  it('refuses duplicate ids and a service combinable with itself', () => {
    const raw = rawCatalog();
    raw.services[1].id = 'personalausweis';
    raw.services[2].combinableWith = ['kinderreisepass'];
    raw.offices[0].counters[3].id = 'schalter-1';
    const issues = issuesOf(raw);
    expect(issues).toContain('services[1].id: duplicate id "personalausweis"');
    expect(issues).toContain('services[2].combinableWith[0]: a service cannot list itself (use maxQuantity)');
    expect(issues).toContain('offices[0].counters[3].id: duplicate id "schalter-1"');
  });

  it('refuses opening hours that overlap, run backwards or leave the slot grid', () => {
    const raw = rawCatalog();
    raw.offices[0].openingHours.mon = [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '11:10' }];
    raw.offices[0].openingHours.tue = [{ from: '12:00', to: '08:00' }];
    expect(issuesOf(raw)).toEqual([
      'offices[0].openingHours.mon[1]: times must lie on the 15-minute slot grid',
      'offices[0].openingHours.mon[1]: overlaps or precedes the interval before it',
      'offices[0].openingHours.tue[0]: "from" must be before "to"',
    ]);
  });

  it('refuses more online capacity than counters, an inverted window and a reduced fee above the fee', () => {
    const raw = rawCatalog();
    raw.offices[0].onlineCapacity[0].parallel = 5;
    raw.offices[0].booking.window = { minDays: 70, maxDays: 60 };
    raw.services[0].fee.reducedUnder24Cents = 9999;
    expect(issuesOf(raw)).toEqual([
      'services[0].fee.reducedUnder24Cents: must not exceed fee.cents',
      'offices[0].onlineCapacity[0].parallel: must not exceed the number of counters (4)',
      'offices[0].booking.window: minDays must not exceed maxDays',
    ]);
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(issuesOf('nonsense')).toEqual(['(root): Expected object, received string']);
  });
});

import { shippedCatalog } from './catalog.fixture';
import { documentsToBring, feeFor } from './documents';

const catalog = shippedCatalog();

describe('documents to bring', () => {
  it('merges the lists of all services and names each document once', () => {
    const docs = documentsToBring(catalog, [{ serviceId: 'personalausweis', quantity: 2 }, { serviceId: 'reisepass', quantity: 1 }, { serviceId: 'anmeldung', quantity: 1 }], 'de');
    expect(docs.filter((d) => d.startsWith('Biometrisches Lichtbild'))).toHaveLength(1);
    expect(docs).toContain('Wohnungsgeberbestätigung (vom Vermieter oder Eigentümer ausgefüllt)');
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('gives the same items in English', () => {
    const lines = [{ serviceId: 'ummeldung', quantity: 1 }, { serviceId: 'fuehrungszeugnis', quantity: 1 }];
    const de = documentsToBring(catalog, lines, 'de');
    const en = documentsToBring(catalog, lines, 'en');
    expect(en).toHaveLength(de.length);
    expect(en[0]).toMatch(/Landlord's confirmation/);
  });

  it('ignores unknown services', () => {
    expect(documentsToBring(catalog, [{ serviceId: 'hundesteuer', quantity: 1 }], 'de')).toEqual([]);
  });
});

describe('fees', () => {
  it('charges 37,00 € per identity card and 22,80 € for applicants under 24', () => {
    const fee = feeFor(catalog, [{ serviceId: 'personalausweis', quantity: 3 }], { personalausweis: 1 });
    expect(fee.ok && fee.value).toEqual({ totalCents: 2 * 3700 + 2280, lines: [{ serviceId: 'personalausweis', quantity: 3, reducedQuantity: 1, cents: 9680 }] });
  });

  it('charges 70,00 € for a passport, 13,00 € for certificates and nothing for registration', () => {
    const fee = feeFor(catalog, [
      { serviceId: 'reisepass', quantity: 1 }, { serviceId: 'fuehrungszeugnis', quantity: 1 },
      { serviceId: 'gewerbezentralregister', quantity: 1 }, { serviceId: 'anmeldung', quantity: 4 },
    ]);
    expect(fee.ok && fee.value.totalCents).toBe(7000 + 1300 + 1300);
  });

  it('caps reduced units at the quantity and ignores them where no reduction exists', () => {
    const fee = feeFor(catalog, [{ serviceId: 'reisepass', quantity: 1 }, { serviceId: 'fuehrungszeugnis', quantity: 1 }], { reisepass: 5, fuehrungszeugnis: 1 });
    expect(fee.ok && fee.value.totalCents).toBe(3750 + 1300);
  });

  it('refuses an unknown service', () => {
    const fee = feeFor(catalog, [{ serviceId: 'hundesteuer', quantity: 1 }]);
    expect(!fee.ok && fee.error.code).toBe('unknown_service');
  });
});

import {
  CONVENTION,
  conventionOf,
  DESIGNATION_IDS,
  DESIGNATIONS,
  designationCitation,
  designationsOf,
  designationWith,
  NOTIFICATION_PARAGRAPHS,
  requirementById,
  TREATY_IDS,
} from '../../../server/catalogue';

describe('designations as catalogue data', () => {
  it.each(DESIGNATION_IDS)('%s answers a requirement of the catalogue, cited to its article', (id) => {
    const req = requirementById(id);
    expect(req).toBeDefined();
    expect(['designation', 'notification', 'identification']).toContain(req!.kind);
    expect(designationCitation(id)).toEqual({ instrument: req!.appliesTo, article: req!.citation.article });
    expect(DESIGNATIONS[id].id).toBe(id);
  });

  it('puts the address requirement on 31(6) alone ("the name and address of the authority")', () => {
    expect(DESIGNATION_IDS.filter((id) => DESIGNATIONS[id].needs === 'address')).toEqual(['untoc-31-6']);
    expect(requirementById('untoc-31-6')!.quote.text).toContain('name and address');
  });

  it('finds the central authority, the channels and the dated designation by their features', () => {
    expect(designationWith('perTerritory')).toBe('untoc-18-13');
    expect(designationWith('channels')).toBe('untoc-18-13');
    expect(designationWith('dated')).toBe('som-8-6');
    expect(requirementById('som-8-6')!.quote.text).toContain('within one month of the designation');
  });

  it('groups the designations by treaty, each treaty once', () => {
    const all = TREATY_IDS.flatMap((t) => designationsOf(t).map((d) => d.id));
    expect([...all].sort()).toEqual([...DESIGNATION_IDS].sort());
    expect(designationsOf('tip')).toEqual([]);
  });

  it('reads the parent Convention from `parent`', () => {
    expect(CONVENTION).toBe('untoc');
    expect(TREATY_IDS.map(conventionOf)).toEqual(['untoc', 'untoc', 'untoc', 'untoc']);
  });

  it('prints each designation under the paragraph its requirement names', () => {
    for (const id of DESIGNATION_IDS)
      expect(requirementById(id)!.paragraph?.key).toBe(DESIGNATIONS[id].paragraph);
  });

  it('orders the notifications document: the Convention at deposit, no deadline, laws, then the Protocols', () => {
    expect(NOTIFICATION_PARAGRAPHS.map((r) => r.id)).toEqual([
      'untoc-18-13',
      'untoc-18-14',
      'untoc-16-5-a',
      'untoc-5-3',
      'untoc-31-6',
      'untoc-6-2-d',
      'untoc-13-5',
      'som-8-6',
      'fp-13-2',
    ]);
    const orders = NOTIFICATION_PARAGRAPHS.map((r) => r.paragraph.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

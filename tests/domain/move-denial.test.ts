/**
 * The one permission check of a move (`moveDenial`), which the store refuses with and the move
 * flyout previews: the alerts with the destination, the destination, every incident left.
 */
import { describe, expect, it } from 'vitest';
import type { Persona } from '@/domain/identity';
import { moveDenial } from '@/domain/move';
import { PERSONAS } from '@mocks/store/personas';

const persona = (upn: string) => PERSONAS.find((p) => p.upn === upn) as Persona;
const analyst = persona('analyst@contoso.com');
const reader = persona('reader@contoso.com');
const endpoint = persona('endpoint.analyst@contoso.com');
const MDE = 'microsoftDefenderForEndpoint' as const;
const MDO = 'microsoftDefenderForOffice365' as const;

describe('moveDenial', () => {
  it('lets a persona that may change everything the move touches make it', () => {
    expect(
      moveDenial(analyst, [MDE, MDO], { id: '7', sources: [MDO] }, [{ id: '3', sources: [MDE] }]),
    ).toBeUndefined();
    expect(moveDenial(endpoint, [MDE], null, [{ id: '3', sources: [MDE] }])).toBeUndefined();
  });

  it("refuses a read-only persona, naming what it would change and Graph's permission", () => {
    expect(moveDenial(reader, [MDE], { id: '7', sources: [MDE] }, [])).toBe(
      'reader@contoso.com (Security Reader) has read-only access and cannot change the alerts or incident 7. Missing permission SecurityData.Manage.All.',
    );
  });

  it('refuses a scoped persona the incident an alert leaves, when it holds other sources', () => {
    expect(
      moveDenial(endpoint, [MDE], null, [
        { id: '3', sources: [MDE] },
        { id: '4', sources: [MDE, MDO] },
      ]),
    ).toMatch(
      /^endpoint\.analyst@contoso\.com has no manage permission for all the data incident 4 holds/,
    );
  });

  it('refuses a destination that holds data the persona cannot see, naming only the destination', () => {
    expect(moveDenial(endpoint, [MDE], { id: '9', sources: [MDE], hidden: true }, [])).toMatch(
      /^endpoint\.analyst@contoso\.com has no manage permission for all the data incident 9 holds/,
    );
  });

  it('does not check the destination again as an incident left', () => {
    expect(
      moveDenial(endpoint, [MDE], { id: '9', sources: [MDE] }, [
        { id: '9', sources: [MDE, MDO], hidden: true },
      ]),
    ).toBeUndefined();
  });
});

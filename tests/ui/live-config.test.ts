/** Live mode's settings: environment, then config.json; what is missing or malformed is named. */
import { describe, expect, it } from 'vitest';
import { LiveConfigError, resolveLiveConfig } from '@/app/live/live-config';

const WORKSPACE =
  '/subscriptions/0000/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/sentinel';

describe('live configuration', () => {
  it("defaults Graph, ARM and the authority to Microsoft's public cloud for the tenant", () => {
    expect(resolveLiveConfig({ tenantId: 'contoso.onmicrosoft.com', clientId: 'app' })).toEqual({
      tenantId: 'contoso.onmicrosoft.com',
      clientId: 'app',
      graphBase: 'https://graph.microsoft.com',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      armBase: 'https://management.azure.com',
      workspaces: [],
    });
  });

  it('lets config.json override the build, key by key', () => {
    const config = resolveLiveConfig(
      { tenantId: 'a', clientId: 'build-app', graphBase: 'https://graph.example/' },
      { tenantId: 'b', workspaces: [WORKSPACE] },
    );
    expect(config).toMatchObject({
      tenantId: 'b',
      clientId: 'build-app',
      graphBase: 'https://graph.example',
      authority: 'https://login.microsoftonline.com/b',
      workspaces: [WORKSPACE],
    });
  });

  it.each([
    [{ clientId: 'x' }, /tenant id is missing/],
    [{ tenantId: 't' }, /client id is missing/],
    [{ tenantId: 't', clientId: 'x', graphBase: 'http://graph.example' }, /must be an https URL/],
    [{ tenantId: 't', clientId: 'x', authority: 'not a url' }, /authority is not a URL/],
    [{ tenantId: 't', clientId: 'x', workspaces: ['sentinel'] }, /must be an ARM id/],
  ])('refuses %o and says what is wrong', (settings, message) => {
    expect(() => resolveLiveConfig(settings)).toThrow(LiveConfigError);
    expect(() => resolveLiveConfig(settings)).toThrow(message);
  });
});

/**
 * Analyst-provided text is inert everywhere (issue 6, item 7): a corpus of XSS payloads goes
 * through the real API into the mock as incident names, tags and comments, then the queue, the
 * incident page and the activity log render it. Nothing runs (jsdom here runs scripts and event
 * handlers), nothing dangerous reaches the DOM, and the text reads as typed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addAlertComment } from '@/api/alerts/alerts-api';
import { addIncidentComment, updateIncident } from '@/api/incidents/incidents-api';
import { renderMarkdown } from '@/components/markdown-html';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';
import { dangerousMarkup, LITERAL_PAYLOADS, XSS_PAYLOADS } from './xss-corpus';

/** Ten open incidents: the queue shows them all on one page. */
const { runtime } = setupMockServer(
  buildStore(Array.from({ length: 10 }, (_, i) => makeIncident({ alerts: 1 + (i % 2) }))),
);

const LOAD = { timeout: 10_000 };
const exact = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };

let alertSpy: { mockRestore: () => void } & ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await import('@/features/incident-queue/components/incident-queue-page');
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/alert-details/components/alert-details-panel');
});

beforeEach(() => {
  delete window.__xss;
  alertSpy = vi.spyOn(window, 'alert').mockImplementation(() => {});
});

afterEach(() => alertSpy.mockRestore());

/** Nothing ran and nothing that could run is in the page. */
function expectInert() {
  expect(window.__xss).toBeUndefined();
  expect(alertSpy).not.toHaveBeenCalled();
  expect(dangerousMarkup(document.body)).toEqual([]);
}

const openIncidents = () =>
  runtime.store
    .incidents()
    .filter((i) => i.status === 'active' || i.status === 'inProgress')
    .filter((i) => runtime.store.alertsOf(i.id).length > 0);

it('has a corpus of at least 30 payloads', () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(XSS_PAYLOADS.map((p) => p.toLowerCase())).size).toBe(XSS_PAYLOADS.length);
});

it('detects what the payloads would plant, were they rendered as HTML', () => {
  const template = document.createElement('template');
  template.innerHTML = XSS_PAYLOADS.join('\n');
  const found = dangerousMarkup(template.content);
  expect(found).toEqual(
    expect.arrayContaining([
      '<script>',
      '<iframe>',
      'img[onerror]',
      'svg[onload]',
      'a[href=javascript:window.__xss=14]',
    ]),
  );
});

/** Every source file of the app, relative to the repository. */
function sourceFiles(dir = join(process.cwd(), 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : [relative(process.cwd(), path)];
  });
}

it('writes raw HTML only through the sanitized markdown component', () => {
  const raw = sourceFiles().filter((file) =>
    /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*[+]?=(?!=)|insertAdjacentHTML|document\.write/.test(
      readFileSync(file, 'utf8'),
    ),
  );
  // Only writes count: reading innerHTML (the sanitizer's serialisation, the graph's icons drawn
  // by React) parses nothing. markdown.tsx renders what markdown-html.ts sanitized.
  expect(raw.sort()).toEqual(['src/components/markdown-html.ts', 'src/components/markdown.tsx']);
});

describe('the sanitizer', () => {
  it.each(XSS_PAYLOADS)('renders %s without anything that runs', (payload) => {
    const template = document.createElement('template');
    template.innerHTML = renderMarkdown(payload);
    expect(dangerousMarkup(template.content)).toEqual([]);
    for (const a of template.content.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^(https?|mailto):/);
    }
    for (const img of template.content.querySelectorAll('img')) {
      expect(img.getAttribute('src')).toMatch(/^https?:/);
    }
  });

  it('keeps the formatting markdown needs', () => {
    const html = renderMarkdown(
      '**b** *i* `c`\n\n1. one\n\n> quote\n\n[l](https://a.example) [m](mailto:soc@contoso.com) ![p](https://a.example/p.png)',
    );
    const template = document.createElement('template');
    template.innerHTML = html;
    const c = template.content;
    expect(c.querySelector('strong')?.textContent).toBe('b');
    expect(c.querySelector('em')?.textContent).toBe('i');
    expect(c.querySelector('code')?.textContent).toBe('c');
    expect(c.querySelector('ol li')?.textContent).toBe('one');
    expect(c.querySelector('blockquote')?.textContent?.trim()).toBe('quote');
    expect([...c.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://a.example',
      'mailto:soc@contoso.com',
    ]);
    expect(c.querySelector('img')?.getAttribute('src')).toBe('https://a.example/p.png');
  });
});

describe('payloads in the console', () => {
  it('shows payload incident names as text in the queue', async () => {
    const incidents = openIncidents();
    // As many payloads at a time as there are incidents to name with them.
    for (let start = 0; start < XSS_PAYLOADS.length; start += incidents.length) {
      const payloads = XSS_PAYLOADS.slice(start, start + incidents.length);
      for (const [i, payload] of payloads.entries()) {
        await updateIncident(incidents[i]!.id, { displayName: payload });
      }
      const { unmount } = renderApp('/incidents');
      const grid = await screen.findByRole('grid', { name: 'Incidents' }, LOAD);
      // Every incident is on the one page, so every name shows, as link text.
      await waitFor(() =>
        expect(grid.querySelectorAll('[role="row"][aria-selected]')).toHaveLength(incidents.length),
      );
      const names = new Set([...grid.querySelectorAll('a')].map((a) => a.textContent));
      expect(payloads.filter((p) => !names.has(p))).toEqual([]);
      expectInert();
      unmount();
    }
  });

  it('shows payload tags, a payload name and their audits as text on the incident page', async () => {
    const incident = openIncidents()[0]!;
    await updateIncident(incident.id, {
      displayName: XSS_PAYLOADS[0],
      customTags: [...XSS_PAYLOADS],
    });
    const { user } = renderApp(`/incidents/${incident.id}/overview`);
    expect(
      await screen.findByRole('heading', { level: 1, name: XSS_PAYLOADS[0] }, LOAD),
    ).toBeInTheDocument();
    const tags = screen.getByRole('list', { name: 'Tags' });
    for (const payload of XSS_PAYLOADS) {
      expect(within(tags).getByText(payload, exact)).toBeInTheDocument();
    }
    expectInert();

    await user.click(screen.getByRole('tab', { name: 'Activity log' }));
    const log = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    expect(
      within(log).getByText(
        `Incident name changed from '${incident.displayName}' to '${XSS_PAYLOADS[0]}'.`,
        exact,
      ),
    ).toBeInTheDocument();
    expect(within(log).getByText(/^Tags added/)).toHaveTextContent(XSS_PAYLOADS[5]!);
    expectInert();
  });

  it('renders payload comments inertly in the activity log', async () => {
    const incident = openIncidents()[0]!;
    for (const payload of XSS_PAYLOADS) await addIncidentComment(incident.id, payload);
    const { user } = renderApp(`/incidents/${incident.id}/activity`);
    const log = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    // The one safe link of the corpus: the markdown renderer (a lazy chunk) has run.
    await waitFor(() =>
      expect(log.querySelectorAll('a[href="https://ok.example"]')).toHaveLength(1),
    );
    expectInert();
    for (const payload of LITERAL_PAYLOADS) {
      expect(within(log).getAllByText(payload, exact).length).toBeGreaterThan(0);
    }
    // Links whose target was refused are plain text, never a link.
    expect(within(log).queryByRole('link', { name: 'click' })).not.toBeInTheDocument();

    // The preview of a payload is inert too.
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await user.click(box);
    await user.paste(XSS_PAYLOADS.slice(0, 20).join('\n\n'));
    await user.click(screen.getByRole('tab', { name: 'Preview' }));
    await within(screen.getByRole('region', { name: 'Preview' })).findByText(LITERAL_PAYLOADS[0]!, {
      ...exact,
      selector: '*',
    });
    expectInert();
  });

  it('renders payload comments on an alert inertly in the alert panel', async () => {
    const incident = openIncidents()[0]!;
    const alert = runtime.store.alertsOf(incident.id)[0]!;
    for (const payload of XSS_PAYLOADS) await addAlertComment(alert.id, payload);
    renderApp(`/incidents/${incident.id}/overview?alert=${encodeURIComponent(alert.id)}`);
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    const comments = await within(panel).findByRole('list', { name: 'Alert comments' }, LOAD);
    await waitFor(() =>
      expect(comments.querySelectorAll('a[href="https://ok.example"]')).toHaveLength(1),
    );
    for (const payload of LITERAL_PAYLOADS) {
      expect(within(comments).getAllByText(payload, exact).length).toBeGreaterThan(0);
    }
    expectInert();
  });
});

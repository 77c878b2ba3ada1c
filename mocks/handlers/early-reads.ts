/**
 * The reads the browser's store answers before it holds the alerts' evidence and the activity
 * logs (it opens on the records the queues need and reads those after: mocks/store/persistence,
 * RouteOptions `early`). Each leaves the evidence out; every other request waits for it.
 */

/** Whether the query names the evidence, or may include it (`$select=*`). */
function mentionsEvidence(url: URL): boolean {
  for (const value of url.searchParams.values()) {
    if (value.toLowerCase().includes('evidence') || value.includes('*')) return true;
  }
  return false;
}

/**
 * Incidents, without their alerts or with `alerts($select=…)` (the incident queue's read): an
 * incident's own fields and its summary are made of what the store opens on.
 */
export function incidentsWithoutEvidence(url: URL): boolean {
  if (mentionsEvidence(url)) return false;
  const expand = url.searchParams.get('$expand');
  return expand === null || /^\s*alerts\s*\(\s*\$select\s*=[^()]*\)\s*$/i.test(expand);
}

/** Alerts with a `$select` that leaves the evidence out (the alerts queue's read). */
export function alertsWithoutEvidence(url: URL): boolean {
  return (
    url.searchParams.has('$select') && !url.searchParams.has('$expand') && !mentionsEvidence(url)
  );
}

/** What a reader may read of an incident's name and summary, on every API the mock speaks. */
import type { Persona } from '@/domain/identity';
import { autoIncidentName, derivedSummary } from '@/domain/naming';
import type { IncidentStore } from '../store/incident-store';
import { summarize, summaryFacts } from '../store/summary';
import type { IncidentRecord } from '../store/types';

/**
 * The name and summary as this reader may read them. The summary is derived from the alerts
 * unless an analyst wrote one; for a reader who may see only some of the alerts, the derived
 * summary and an automatic name are derived from those alerts alone, so neither names a source,
 * an asset or a count the reader may not know of.
 */
export function readableText(
  store: IncidentStore,
  persona: Persona,
  incident: IncidentRecord,
): { displayName: string; summary: string | null } {
  const all = store.membersOf(incident.id);
  const visible =
    persona.sources === 'all' ? all : all.filter((a) => store.canSeeAlert(persona, a));
  if (visible.length === all.length) {
    return {
      displayName: incident.displayName,
      summary: incident.summary ?? derivedSummary(summaryFacts(store.summary(incident.id))),
    };
  }
  const facts = summaryFacts(summarize(visible, store.entitiesOfAlert));
  return {
    displayName: incident.nameIsAutomatic ? autoIncidentName(facts) : incident.displayName,
    summary: incident.summary ?? derivedSummary(facts),
  };
}

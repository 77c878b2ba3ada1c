/**
 * What clients may filter, sort and select on, per entity set (SPEC.md §3.1, §3.7, §4).
 * Graph's documented filterable properties, plus the documented mock extensions:
 * `customTags/any(…)`, `alerts/any(a:a/serviceSource …)`, `contains(displayName,…)`, `id eq …`.
 */
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETECTION_SOURCES,
  DETERMINATIONS,
  INCIDENT_STATUSES,
  SERVICE_SOURCES,
  SEVERITIES,
  SEVERITY_RANK,
} from '@/domain/enums';
import type { EntitySchema, FieldSpec } from './odata';

/** Graph's numeric values of incidentStatus: sorting follows them. */
const INCIDENT_STATUS_RANK: Record<string, number> = {
  active: 1,
  resolved: 2,
  inProgress: 4,
  redirected: 64,
  unknownFutureValue: 127,
  awaitingAction: 128,
};

const severity: FieldSpec = {
  type: 'enum',
  enumValues: SEVERITIES,
  enumType: 'alertSeverity',
  rank: SEVERITY_RANK,
  filterable: true,
  sortable: true,
};
const classification: FieldSpec = {
  type: 'enum',
  enumValues: CLASSIFICATIONS,
  enumType: 'alertClassification',
  filterable: true,
  sortable: true,
};
const determination: FieldSpec = {
  type: 'enum',
  enumValues: DETERMINATIONS,
  enumType: 'alertDetermination',
  filterable: true,
  sortable: true,
};
const datetime: FieldSpec = { type: 'datetime', filterable: true, sortable: true };
const text: FieldSpec = { type: 'string' };

const alertItemFields: Record<string, FieldSpec> = {
  serviceSource: {
    type: 'enum',
    enumValues: SERVICE_SOURCES,
    enumType: 'serviceSource',
    filterable: true,
  },
  detectionSource: {
    type: 'enum',
    enumValues: DETECTION_SOURCES,
    enumType: 'detectionSource',
    filterable: true,
  },
  severity,
  status: { type: 'enum', enumValues: ALERT_STATUSES, enumType: 'alertStatus', filterable: true },
  category: { type: 'string', filterable: true },
  title: { type: 'string', filterable: true },
};

export const INCIDENT_SCHEMA: EntitySchema = {
  entityName: 'microsoft.graph.security.incident',
  fields: {
    id: { type: 'id', filterable: true, sortable: true },
    tenantId: text,
    status: {
      type: 'enum',
      enumValues: INCIDENT_STATUSES,
      enumType: 'incidentStatus',
      rank: INCIDENT_STATUS_RANK,
      filterable: true,
      sortable: true,
    },
    incidentWebUrl: text,
    redirectIncidentId: text,
    displayName: { type: 'string', sortable: true },
    createdDateTime: datetime,
    lastUpdateDateTime: datetime,
    assignedTo: { type: 'string', filterable: true, sortable: true },
    classification,
    determination,
    severity,
    customTags: text,
    systemTags: text,
    description: text,
    lastModifiedBy: text,
    resolvingComment: text,
    summary: text,
    priorityScore: { type: 'int', sortable: true },
    comments: text,
    alerts: text,
  },
  collections: {
    customTags: { item: 'string' },
    systemTags: { item: 'string' },
    alerts: { item: 'object', entityName: 'alert', fields: alertItemFields },
  },
  searchableFields: ['displayName'],
};

export const ALERT_SCHEMA: EntitySchema = {
  entityName: 'microsoft.graph.security.alert',
  fields: {
    id: { type: 'id', filterable: true, sortable: true },
    providerAlertId: text,
    incidentId: { type: 'id', filterable: true, sortable: true },
    status: {
      type: 'enum',
      enumValues: ALERT_STATUSES,
      enumType: 'alertStatus',
      filterable: true,
      sortable: true,
    },
    severity,
    classification,
    determination,
    serviceSource: {
      type: 'enum',
      enumValues: SERVICE_SOURCES,
      enumType: 'serviceSource',
      filterable: true,
      sortable: true,
    },
    detectionSource: {
      type: 'enum',
      enumValues: DETECTION_SOURCES,
      enumType: 'detectionSource',
      filterable: true,
      sortable: true,
    },
    detectorId: text,
    tenantId: text,
    title: { type: 'string', sortable: true },
    description: text,
    recommendedActions: text,
    category: { type: 'string', filterable: true, sortable: true },
    categories: text,
    assignedTo: { type: 'string', filterable: true, sortable: true },
    alertWebUrl: text,
    incidentWebUrl: text,
    actorDisplayName: text,
    threatDisplayName: text,
    threatFamilyName: text,
    mitreTechniques: text,
    createdDateTime: datetime,
    lastUpdateDateTime: datetime,
    resolvedDateTime: datetime,
    firstActivityDateTime: datetime,
    lastActivityDateTime: datetime,
    comments: text,
    evidence: text,
    systemTags: text,
    productName: text,
    alertPolicyId: text,
    investigationState: text,
    additionalData: text,
    customDetails: text,
  },
  collections: {
    systemTags: { item: 'string' },
    categories: { item: 'string' },
  },
  searchableFields: ['title'],
};

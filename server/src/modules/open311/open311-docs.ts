import type { PublicCaseSummary, PublicCaseView } from '../../../../common/contracts/case-public.ts';
import { publicText } from '../../../../common/domain/public-output.ts';
import type { Locale } from '../../platform/messages.ts';
import { translate } from '../../platform/messages.ts';
import { list, w3c, type O311Doc, type O311Object } from './open311-format.ts';
import { detailedStatus, openClosed } from './open311-status.ts';

/**
 * Documents of the read side, field order as the spec's tables (docs/open311.md, "Service discovery" to "Reading
 * requests"). Pure: rows in,
 * O311Doc out. Reporter identity is not an input here, so it cannot appear in the output; cases arrive already
 * shaped by the public-output rule (cases/case-public-view.ts).
 */
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export const t = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `open311.${key}`, params) ?? key;

export function discoveryDoc(o: { base: string; changeset: string; tenantName: string; locale: Locale }): O311Doc {
  return {
    root: 'discovery',
    body: {
      changeset: o.changeset,
      contact: t(o.locale, 'discovery.contact', { tenant: o.tenantName }),
      key_service: t(o.locale, 'discovery.keyService'),
      endpoints: list('endpoint', [
        {
          specification: SPECIFICATION,
          url: `${o.base}/open311/v2`,
          changeset: o.changeset,
          type: 'production',
          formats: list('format', ['text/xml', 'application/json']),
        },
      ]),
    },
  };
}

export interface MatterRow {
  code: string;
  name: string;
  major_code: string;
  major_name: string;
  old_code: string | null;
  pinyin: string;
  initials: string;
}

/**
 * docs/open311.md "Service list"; group (and mySociety groups[]) = the major class (管理事项大类), keywords help search
 * (pinyin, initials, the old 4-digit code).
 */
export function serviceOf(m: MatterRow): O311Object {
  const keywords = [m.major_name, m.initials, m.pinyin.replace(/\s+/g, ''), m.old_code].filter((k): k is string => !!k);
  return {
    service_code: m.code,
    service_name: m.name,
    description: `${m.major_name} · ${m.name}`,
    metadata: true,
    type: 'realtime',
    keywords: keywords.join(','),
    group: m.major_name,
    // mySociety's multi-group extension (docs/open311.md "Service list"): FixMyStreet reads it when present
    groups: list('group', [m.major_name]),
  };
}

export interface Condition {
  seq: number;
  condition: string;
}

/**
 * Component anomalies (matter classes 01–05) can name the 17-digit component (docs/standards.md, "Identifier
 * formats").
 */
export const isComponentMatter = (majorCode: string) => ['01', '02', '03', '04', '05'].includes(majorCode);

export interface AttributeSpec {
  code: string;
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  values?: { key: string; name: string }[];
}

/**
 * The questions of a service: the 立结案标准 of the matter as a single-value list (required when it has any, so
 * the shift leader files with the citizen's answer), the component id for component anomalies, and mySociety's
 * `fixmystreet_id` (FixMyStreet fills it itself, docs/open311.md "Service definition") which we keep as the
 * partner's reference number.
 */
export function attributeSpecs(m: Pick<MatterRow, 'major_code'>, conditions: readonly Condition[]): AttributeSpec[] {
  const out: AttributeSpec[] = [];
  if (conditions.length) {
    out.push({
      code: 'filing_condition',
      datatype: 'singlevaluelist',
      required: true,
      values: conditions.map((c) => ({ key: String(c.seq), name: c.condition })),
    });
  }
  if (isComponentMatter(m.major_code)) out.push({ code: 'component_code', datatype: 'string', required: false });
  out.push({ code: 'fixmystreet_id', datatype: 'string', required: false });
  return out;
}

export function definitionDoc(code: string, specs: readonly AttributeSpec[], locale: Locale): O311Doc {
  return {
    root: 'service_definition',
    body: {
      service_code: code,
      attributes: list(
        'attribute',
        specs.map((s, i) => ({
          variable: true,
          code: s.code,
          datatype: s.datatype,
          required: s.required,
          datatype_description: t(locale, `attributes.${s.code}.format`),
          order: i + 1,
          description: t(locale, `attributes.${s.code}.description`),
          ...(s.code === 'fixmystreet_id' ? { automated: 'hidden_field' } : {}),
          ...(s.values
            ? {
                values: list(
                  'value',
                  s.values.map((v) => ({ key: v.key, name: v.name })),
                ),
              }
            : {}),
        })),
      ),
    },
  };
}

/** docs/open311.md "Reading requests" field order; media_url is absolute; extensions ("Extensions") only when asked. */
export function requestOf(
  c: PublicCaseSummary | PublicCaseView,
  o: {
    base: string;
    mediaUrls: readonly string[];
    attributes?: readonly { code: string; name: string; value: string }[];
    extensions: boolean;
  },
): O311Object {
  const photoUrls = c.photos.map((p) => `${o.base}${p.url}`);
  const media = [...photoUrls, ...o.mediaUrls];
  const timeline = 'timeline' in c ? c.timeline : null;
  return {
    service_request_id: c.caseNo,
    status: openClosed(c.status),
    status_notes: c.statusNotes,
    service_name: c.matterName,
    service_code: c.matterCode,
    description: c.description,
    agency_responsible: c.unitName,
    requested_datetime: w3c(c.reportedAt),
    updated_datetime: w3c(c.closedAt ?? c.updatedAt),
    expected_datetime: w3c(c.expectedAt),
    address: c.address,
    lat: c.lat,
    long: c.lng,
    media_url: media[0] ?? null,
    ...(o.extensions
      ? {
          extended_attributes: {
            channel: c.channel,
            detailed_status: detailedStatus(c.status),
            media_urls: list('media_url', media),
            parent_service_request_id: c.parentCaseNo,
            grid: c.gridCode,
            satisfaction: c.satisfaction,
            reopen_until: w3c(c.reopenUntil),
          },
          // the answers given on POST, as San Francisco echoes them (docs/open311.md "Extensions": request
          // attributes echoed in GET); free
          // answers are public text like the description, the 17-digit component id is a code and stays whole
          attributes: list(
            'attribute',
            (o.attributes ?? []).map((a) => ({
              code: a.code,
              name: a.name,
              value: a.code === 'component_code' ? a.value : publicText(a.value),
            })),
          ),
          ...(timeline
            ? {
                notes: list(
                  'note',
                  timeline.map((e) => ({
                    datetime: w3c(e.at),
                    summary: e.action,
                    type: 'activity',
                    description: e.note ?? '',
                  })),
                ),
              }
            : {}),
        }
      : {}),
  };
}

export const requestsDoc = (items: readonly O311Object[]): O311Doc => ({
  root: 'service_requests',
  body: list('request', items),
});

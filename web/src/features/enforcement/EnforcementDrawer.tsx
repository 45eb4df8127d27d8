import { Link } from 'react-router-dom';
import {
  Alert,
  ConfigProvider,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { enforcementApi } from './enforcement.api.ts';
import { EnforcementDocuments } from './EnforcementDocuments.tsx';
import { EnforcementActions } from './EnforcementActions.tsx';
import { label, STAGE_COLORS, yuan } from './labels.ts';

const WARNING_COLORS = { yellow: 'gold', red: 'red', supervise: 'magenta' } as const;

interface Props {
  id: string | null;
  onClose: () => void;
  /** after a step changed the case, so a list or card showing it can reload */
  onChanged?: () => void;
}

/** Numbers that must not break across lines (文号, credit codes, certificate numbers). */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Dropdowns and date pickers of the drawer open inside it rather than on the page body: they scroll with the drawer,
 * and the drawer's focus handling does not treat a click on an option as a click outside (which could drop it).
 */
const popupInside = (node?: HTMLElement) => node?.parentElement ?? document.body;

/** One enforcement case: party, clocks, decision and money, officers, the record of steps, evidence and payments. */
export function EnforcementDrawer({ id, onClose, onChanged }: Props) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const {
    data: c,
    error,
    reload,
  } = useResource(id ? (signal) => enforcementApi.get(id, signal) : null, [id], {
    resetOnChange: true,
  });
  // Violation names are the tenant's legal-basis data; the code stands in until they load (or for a retired one).
  const { data: bases } = useResource(id ? (signal) => enforcementApi.bases(signal) : null, [id !== null]);
  const violationName = (code: string) => bases?.items.find((b) => b.violationCode === code)?.violationName ?? code;
  const span = screens.md ? 2 : 1;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.md === false ? '100%' : 720}
      title={c ? t('enforcement.drawer.title', { no: c.caseNo }) : t('enforcement.title')}
      destroyOnHidden
      data-testid="enforcement-drawer"
    >
      {error ? (
        <LoadError error={error} reason={errorText(error, locale)} onRetry={reload} testId="enforcement-drawer" />
      ) : null}
      {!c && !error ? <Skeleton active /> : null}
      {c ? (
        <Flex vertical gap={16}>
          <Space wrap>
            <Tag color={STAGE_COLORS[c.stage]} data-testid="enforcement-stage">
              {label(locale, 'stage', c.stage)}
            </Tag>
            <Tag>{label(locale, 'procedure', c.procedure)}</Tag>
            <Tag>{label(locale, 'source', c.source)}</Tag>
            {c.major ? <Tag color="red">{t('enforcement.field.major')}</Tag> : null}
            {c.hearing ? <Tag color="gold">{t('enforcement.field.hearing')}</Tag> : null}
            {c.warnings.map((w) => (
              <Tag
                key={`${w.clock}-${w.level}-${w.due}`}
                color={WARNING_COLORS[w.level]}
                data-testid="enforcement-warning"
              >
                {t(`enforcement.warning.${w.level}`)} · {t(`enforcement.clock.${w.clock}`)} {w.due}
              </Tag>
            ))}
          </Space>
          {c.leniency ? (
            <Alert
              type={c.leniency === 'repeat' ? 'warning' : 'info'}
              showIcon
              title={t(`enforcement.leniency.${c.leniency}`)}
              data-testid="enforcement-leniency"
            />
          ) : null}
          {/* On a phone each value gets the full width under its label, so numbers that must not break still fit. */}
          <Descriptions
            size="small"
            column={span}
            bordered
            layout={screens.md === false ? 'vertical' : 'horizontal'}
            // Labels break only between words: English ones wrap at spaces, Chinese ones stay whole.
            styles={{ label: { wordBreak: 'keep-all', minWidth: 96 } }}
          >
            <Descriptions.Item label={t('enforcement.field.party')}>
              {c.partyName}（{label(locale, 'partyKind', c.partyKind)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.partyIdentifier')}>
              <span data-testid="enforcement-party-identifier" style={NOWRAP}>
                {c.partyIdentifier ?? '—'}
              </span>
              {c.partyKind === 'person' && !c.partyUnmasked ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('enforcement.masked')}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.facts')} span={span}>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.facts}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.violationCode')}>
              {violationName(c.violationCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.violationOn')}>{c.violationOn}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.address')}>{c.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.sourceCase')}>
              {c.sourceCaseId ? (
                <Link to={`/cases/${encodeURIComponent(c.sourceCaseId)}`} data-testid="enforcement-city-case">
                  {c.sourceCaseNo ?? c.sourceCaseId}
                </Link>
              ) : (
                (c.sourceRef ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.filedOn')}>{c.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.decisionDue')}>{c.decisionDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.statementDue')}>{c.statementDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.hearingDue')}>{c.hearingDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.proposedFine')}>{yuan(c.proposedFineFen)}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.fine')}>
              {c.decisionKind && c.decisionKind !== 'fine'
                ? label(locale, 'decisionKind', c.decisionKind)
                : yuan(c.fineFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.decisionNo')}>
              <span data-testid="enforcement-decision-no" style={NOWRAP}>
                {c.decisionNo ?? '—'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.decidedOn')}>{c.decidedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.serviceDue')}>{c.serviceDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.servedOn')}>{c.servedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.paymentDue')}>{c.paymentDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.paid')}>{yuan(c.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.lateFee')}>{yuan(c.lateFeeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.outstanding')}>
              <span data-testid="enforcement-outstanding">{yuan(c.outstandingFen)}</span>
            </Descriptions.Item>
            {c.bandExceptionReason ? (
              <Descriptions.Item label={t('enforcement.field.bandException')} span={span}>
                {c.bandExceptionReason}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('enforcement.field.unit')}>{c.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enforcement.field.plan')}>
              {c.paymentPlan
                ? `${t(`enforcement.plan.${c.paymentPlan.kind}`)} · ${t(`enforcement.plan.${c.paymentPlan.status}`)} · ${c.paymentPlan.instalments.map((i) => `${i.dueOn} ${yuan(i.amountFen)}`).join('；')}`
                : '—'}
            </Descriptions.Item>
            {c.hearingRequestedOn ? (
              <Descriptions.Item label={t('enforcement.action.record_hearing')}>
                {[
                  c.hearingRequestedOn,
                  c.hearingHeldOn,
                  c.hearingOutcome && t(`enforcement.outcome.${c.hearingOutcome}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Descriptions.Item>
            ) : null}
            {c.demandServedOn ? (
              <Descriptions.Item label={t('enforcement.action.serve_demand')}>{c.demandServedOn}</Descriptions.Item>
            ) : null}
            {c.courtAppliedOn ? (
              <Descriptions.Item label={t('enforcement.field.court')}>{c.courtAppliedOn}</Descriptions.Item>
            ) : null}
            {c.reconsiderationOutcome || c.litigationOutcome ? (
              <Descriptions.Item label={t('enforcement.action.record_review')}>
                {[
                  c.reconsiderationOutcome &&
                    `${t('enforcement.review.reconsideration')}：${t(`enforcement.review.${c.reconsiderationOutcome}`)}`,
                  c.litigationOutcome &&
                    `${t('enforcement.review.litigation')}：${t(`enforcement.review.${c.litigationOutcome}`)}`,
                ]
                  .filter(Boolean)
                  .join('；')}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('enforcement.field.officers')} span={span}>
              {c.officers.length ? (
                <Flex vertical gap={2} data-testid="enforcement-officers">
                  {c.officers.map((o) => (
                    <span key={o.userId}>
                      <span style={NOWRAP}>{o.name}</span>{' '}
                      <Typography.Text type="secondary" style={NOWRAP}>
                        {t('enforcement.field.certNo')} {o.certNo}
                      </Typography.Text>
                    </span>
                  ))}
                </Flex>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          <ConfigProvider getPopupContainer={popupInside}>
            <EnforcementActions
              c={c}
              onDone={() => {
                reload();
                onChanged?.();
              }}
            />
          </ConfigProvider>
          <EnforcementDocuments caseId={c.id} version={c.version} />
          {c.evidence.length ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('enforcement.field.evidence')}
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.evidence}
                data-testid="enforcement-evidence"
                columns={[
                  { key: 'kind', render: (_, e) => label(locale, 'evidenceKind', e.kind) },
                  { key: 'title', dataIndex: 'title' },
                  {
                    key: 'sha256',
                    render: (_, e) => (
                      <Typography.Text code copyable={{ text: e.sha256 }} style={{ fontSize: 11 }}>
                        {e.sha256.slice(0, 16)}…
                      </Typography.Text>
                    ),
                  },
                  { key: 'collectedAt', render: (_, e) => formatInstant(e.collectedAt) },
                ]}
              />
            </>
          ) : null}
          {c.payments.length ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('enforcement.field.payments')}
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.payments}
                columns={[
                  { key: 'paidOn', dataIndex: 'paidOn' },
                  { key: 'amount', render: (_, p) => yuan(p.amountFen) },
                  { key: 'reference', dataIndex: 'reference' },
                ]}
              />
            </>
          ) : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('enforcement.field.events')}
          </Typography.Title>
          <Timeline
            data-testid="enforcement-events"
            items={c.events.map((e) => ({
              content: (
                <Flex vertical>
                  <Typography.Text strong>{label(locale, 'action', e.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[formatInstant(e.at), e.officers.map((o) => o.name).join('、')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}

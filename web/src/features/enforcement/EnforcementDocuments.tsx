import { useState } from 'react';
import { App, Button, Flex, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, FileAddOutlined, SafetyOutlined } from '@ant-design/icons';
import type { DocumentKind } from '../../../../common/domain/enforcement-documents.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { documentsApi, type TemplatePreview } from './documents.api.ts';
import { DocumentTemplatesModal } from './DocumentTemplatesModal.tsx';
import { PreviewSheet } from './PreviewSheet.tsx';

interface Props {
  caseId: string;
  /** the case's version: the list reloads when the case moves on */
  version: number;
}

/**
 * The 文书 of a case (docs/enforcement.md, "Documents"): which kinds the stage allows, issuing one (it takes a
 * 文号), the issued ones as Word or PDF, a preview filled from the case, the signed bundle and the chain check.
 */
export function EnforcementDocuments({ caseId, version }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const permissions = useAuth().me?.permissions ?? [];
  const canManage = permissions.includes('enforcement.manage');
  const { data, error, reload } = useResource((signal) => documentsApi.list(caseId, signal), [caseId, version]);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [editing, setEditing] = useState(false);

  async function run(key: string, work: () => Promise<unknown>) {
    setBusy(key);
    try {
      await work();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(null);
    }
  }
  const issue = (kind: DocumentKind) =>
    run(`issue:${kind}`, async () => {
      const doc = await documentsApi.issue(caseId, kind);
      void message.success(t('enforcementDocs.issuedOk', { no: doc.docNo }));
      reload();
    });
  const checkChain = () =>
    run('chain', async () => {
      const c = await documentsApi.chain(caseId);
      if (c.brokenAt === null) void message.success(t('enforcementDocs.chainOk', { n: c.entries }));
      else void message.error(t('enforcementDocs.chainBroken', { n: c.brokenAt, problem: c.problem ?? '' }));
    });

  if (error) return <Typography.Text type="danger">{errorText(error, locale)}</Typography.Text>;
  if (!data) return null;
  return (
    <Flex vertical gap={8} data-testid="enforcement-documents">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('enforcementDocs.title')}
        </Typography.Title>
        <Space wrap size={4}>
          {canManage ? (
            <Button size="small" onClick={() => setEditing(true)} data-testid="enforcement-templates-open">
              {t('enforcementDocs.editTemplates')}
            </Button>
          ) : null}
          <Button size="small" icon={<SafetyOutlined />} loading={busy === 'chain'} onClick={() => void checkChain()}>
            {t('enforcementDocs.chain')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            title={t('enforcementDocs.bundleHint')}
            loading={busy === 'bundle'}
            onClick={() => void run('bundle', () => documentsApi.bundle(caseId, locale))}
            data-testid="enforcement-bundle"
          >
            {t('enforcementDocs.bundle')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap gap={6} data-testid="enforcement-document-kinds">
        {data.kinds.map((k) => {
          const name = t(`enforcementDocs.kind.${k.kind}`);
          return (
            <Space.Compact key={k.kind} size="small">
              {k.available && data.canIssue ? (
                <Popconfirm
                  title={t('enforcementDocs.issueConfirm', { title: k.title })}
                  onConfirm={() => void issue(k.kind)}
                >
                  <Button type="primary" ghost icon={<FileAddOutlined />} loading={busy === `issue:${k.kind}`}>
                    {name}
                  </Button>
                </Popconfirm>
              ) : (
                <Button disabled title={k.reason ? t(`enforcementDocs.reason.${k.reason}`) : undefined}>
                  {name}
                </Button>
              )}
              <Button
                icon={<EyeOutlined />}
                aria-label={`${t('enforcementDocs.preview')} ${name}`}
                loading={busy === `preview:${k.kind}`}
                onClick={() =>
                  void run(`preview:${k.kind}`, async () => setPreview(await documentsApi.preview(k.kind, { caseId })))
                }
              />
            </Space.Compact>
          );
        })}
      </Flex>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={data.issued}
        locale={{ emptyText: t('enforcementDocs.none') }}
        data-testid="enforcement-issued-documents"
        columns={[
          { key: 'title', title: t('enforcementDocs.issuedTitle'), dataIndex: 'title' },
          { key: 'docNo', title: t('enforcementDocs.docNo'), dataIndex: 'docNo' },
          {
            key: 'issued',
            title: t('enforcementDocs.issuedAt'),
            render: (_, d) => (
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {formatInstant(d.issuedAt)} · {d.issuedByName}
              </Typography.Text>
            ),
          },
          {
            key: 'files',
            render: (_, d) => (
              <Space size={4}>
                {(['docx', 'pdf'] as const).map((f) => (
                  <Button
                    key={f}
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={busy === `${d.id}:${f}`}
                    onClick={() => void run(`${d.id}:${f}`, () => documentsApi.download(caseId, d.id, f, locale))}
                  >
                    {f === 'docx' ? 'Word' : 'PDF'}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        onCancel={() => setPreview(null)}
        footer={null}
        title={preview ? t('enforcementDocs.previewTitle', { title: preview.title }) : ''}
        width={640}
      >
        {preview ? <PreviewSheet preview={preview} note={t('enforcementDocs.previewNote')} /> : null}
      </Modal>
      {editing ? <DocumentTemplatesModal caseId={caseId} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import {
  commitmentOf,
  toHex,
  verifyLottery,
  type LotteryFile,
} from '../../../../common/domain/night-market-lottery.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { nmApi, type Round } from './nm.api.ts';

/**
 * The three steps of the public lottery (docs/night-market.md, "The draw"). The secret is made and hashed in this
 * browser: the server only ever receives the commitment until the draw, when the secret is revealed with it.
 */
export function LotteryCard({ round, onChanged }: { round: Round; onChanged: (r: Round) => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [secret, setSecret] = useState('');
  const [commitment, setCommitment] = useState('');
  const [source, setSource] = useState('');
  const [value, setValue] = useState('');
  const [drawSecret, setDrawSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<LotteryFile | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const mayDraw = can('market.draw');

  useEffect(() => {
    if (round.phase !== 'drawn') return;
    let live = true;
    void (async () => {
      const f = await nmApi.file(round.id);
      const check = await verifyLottery(f);
      if (live) {
        setFile(f);
        setVerified(check.match);
      }
    })();
    return () => {
      live = false;
    };
  }, [round.id, round.phase]);

  const generate = async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const s = toHex(bytes);
    setSecret(s);
    setCommitment(await commitmentOf(s));
  };
  const step = async (work: () => Promise<Round>) => {
    setBusy(true);
    try {
      onChanged(await work());
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  const download = () => {
    if (!file) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `lottery-${file.roundNo}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card size="small" title={t('nightMarket.lottery.title')} data-testid="nm-lottery">
      <Typography.Paragraph type="secondary">{t('nightMarket.lottery.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('nightMarket.lottery.commitment')}>
          <Typography.Text code copyable={!!round.commitment} data-testid="nm-commitment">
            {round.commitment ?? '—'}
          </Typography.Text>
          {round.committedAt ? ` ${formatInstant(round.committedAt)}` : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.lottery.source')}>{round.publicValueSource ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.lottery.publicValue')}>
          {round.publicValue ?? '—'}
          {round.publicValueAt ? ` ${formatInstant(round.publicValueAt)}` : null}
        </Descriptions.Item>
        {file ? (
          <>
            <Descriptions.Item label={t('nightMarket.lottery.secret')}>
              <Typography.Text code copyable>
                {file.secret}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('nightMarket.lottery.seed')}>
              <Typography.Text code>{file.seed}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('nightMarket.lottery.done')}>
              <Space>
                <Tag color={verified ? 'success' : 'error'} data-testid="nm-verified">
                  {verified ? t('nightMarket.public.match') : t('nightMarket.public.mismatch', { reason: '' })}
                </Tag>
                {t('nightMarket.lottery.entrants', { count: file.entrants.length })}
                <Button size="small" onClick={download}>
                  {t('nightMarket.lottery.download')}
                </Button>
              </Space>
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>

      {mayDraw && round.phase === 'reviewing' ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Button onClick={() => void generate()} data-testid="nm-generate">
            {t('nightMarket.lottery.generate')}
          </Button>
          {secret ? (
            <Alert
              type="warning"
              showIcon
              message={
                <Space direction="vertical" size={0}>
                  <span>
                    {t('nightMarket.lottery.secret')}：
                    <Typography.Text code copyable data-testid="nm-secret">
                      {secret}
                    </Typography.Text>
                  </span>
                  <span>
                    {t('nightMarket.lottery.commitment')}：<Typography.Text code>{commitment}</Typography.Text>
                  </span>
                </Space>
              }
              description={t('nightMarket.lottery.secretHint')}
            />
          ) : null}
          <Input
            placeholder={t('nightMarket.lottery.sourcePlaceholder')}
            value={source}
            maxLength={200}
            onChange={(e) => setSource(e.target.value)}
            data-testid="nm-source"
          />
          <Button
            type="primary"
            disabled={!commitment || !source.trim()}
            loading={busy}
            onClick={() => void step(() => nmApi.commit(round.id, { commitment, publicValueSource: source.trim() }))}
            data-testid="nm-commit"
          >
            {t('nightMarket.lottery.commit')}
          </Button>
        </Space>
      ) : null}

      {mayDraw && round.phase === 'committed' ? (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input
            placeholder={t('nightMarket.lottery.publicValue')}
            value={value}
            maxLength={200}
            onChange={(e) => setValue(e.target.value)}
            data-testid="nm-public-value"
          />
          <Button
            type="primary"
            disabled={!value.trim()}
            loading={busy}
            onClick={() => void step(() => nmApi.publicValue(round.id, value.trim()))}
            data-testid="nm-enter-value"
          >
            {t('nightMarket.lottery.enterValue')}
          </Button>
        </Space.Compact>
      ) : null}

      {mayDraw && round.phase === 'valued' ? (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input.Password
            placeholder={t('nightMarket.lottery.secret')}
            value={drawSecret}
            onChange={(e) => setDrawSecret(e.target.value)}
            data-testid="nm-draw-secret"
          />
          <Button
            type="primary"
            danger
            disabled={!drawSecret.trim()}
            loading={busy}
            onClick={() => void step(() => nmApi.draw(round.id, drawSecret.trim()))}
            data-testid="nm-draw"
          >
            {t('nightMarket.lottery.draw')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}

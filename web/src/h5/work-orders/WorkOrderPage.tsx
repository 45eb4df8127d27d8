import { fenOfYuan } from '../../../../common/domain/enforcement-money.ts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { WorkOrder } from '../../../../common/contracts/assets.ts';
import { QUANTITY_UNITS, type QuantityUnit } from '../../../../common/domain/assets.ts';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { assetsApi } from '../../features/assets/assets.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { Button, TextArea, TextInput } from '../../phone/ui/controls.tsx';
import { LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { useQueue } from '../offline/queue-context.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';

type Field = 'quantity' | 'quantityUnit' | 'cost';
type Problems = Partial<Record<Field, string>>;

/** A number the server will take (not negative), or the reason it will not; empty is no number. */
function amountOf(text: string, invalid: string, negative: string): { value: number | null; problem?: string } {
  const trimmed = text.trim();
  if (!trimmed) return { value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { value: null, problem: invalid };
  if (value < 0) return { value: null, problem: negative };
  return { value };
}

/**
 * One 养护工单 on the phone: what the inspection found (its before-photos), then 开始处置 and 完成处置 with the
 * after-photos, which the unit's steps require, and the actual quantity and cost, which are optional
 * (docs/assets.md, "Work orders"). The server's refusals show under their fields.
 */
export function WorkOrderPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { transport } = useQueue();
  const res = useResource(
    (signal) => api.get<WorkOrder>(`/api/assets/work-orders/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<QuantityUnit | ''>('');
  const [cost, setCost] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const clear = (field: Field) =>
    setProblems((p) => {
      const rest = { ...p };
      delete rest[field];
      return rest;
    });

  const act = async (o: WorkOrder, finish: boolean) => {
    const q = amountOf(quantity, t('validation.type'), t('assets.finish.notNegative'));
    const c = amountOf(cost, t('validation.type'), t('assets.finish.notNegative'));
    if (finish && (q.problem || c.problem)) {
      setProblems({ ...(q.problem ? { quantity: q.problem } : {}), ...(c.problem ? { cost: c.problem } : {}) });
      return;
    }
    if (finish && photos.length === 0) {
      toast.error(t('inspections.wo.needPhoto'));
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      if (o.state === 'open') await assetsApi.step(o.id, { action: 'start' });
      if (!finish) {
        toast.success(t('inspections.wo.started'));
        res.reload();
        return;
      }
      const afterPhotoIds: string[] = [];
      for (const url of photos) afterPhotoIds.push((await transport.uploadPhoto(dataUrlToBlob(url))).id);
      const quantityUnit = unit || o.quantityUnit;
      await assetsApi.step(o.id, {
        action: 'finish',
        afterPhotoIds,
        ...(q.value !== null ? { quantity: q.value, ...(quantityUnit ? { quantityUnit } : {}) } : {}),
        ...(c.value !== null ? { costFen: fenOfYuan(c.value) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      toast.success(t('inspections.wo.finished'));
      void navigate('/h5/work-orders');
    } catch (e) {
      const fields: Problems = {};
      for (const entry of toFormFieldErrors(e, locale)) {
        const name = entry.name[0];
        const field = name === 'costFen' ? 'cost' : name === 'quantity' || name === 'quantityUnit' ? name : null;
        if (field) fields[field] = entry.errors.join(' ');
      }
      setProblems(fields);
      if (!Object.keys(fields).length) toast.error(errorText(e, locale));
      // a start that went through before the finish was refused shows as such
      res.reload();
    } finally {
      setBusy(false);
    }
  };

  const o = res.data;
  return (
    <div data-testid="h5-work-order" data-state={o?.state}>
      <Link to="/h5/work-orders">‹ {t('inspections.wo.back')}</Link>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-work-order" /> : null}
      {res.loading && !o ? <Loading label={t('app.loading')} /> : null}
      {o ? (
        <>
          <h3>{o.title}</h3>
          <div>
            {o.assetName}（{o.assetCode}）
          </div>
          <div className="h5-muted">
            {o.orderNo} · {t('inspections.wo.due', { at: formatInstant(o.dueAt) })}{' '}
            <Tag color={o.state === 'open' ? 'orange' : 'blue'}>{t(`assets.woStates.${o.state}`)}</Tag>
            {o.overdue ? <Tag color="red">{t('inspections.wo.overdue')}</Tag> : null}
          </div>
          {o.beforePhotoIds.length ? (
            <section className="h5-card" style={{ marginTop: 12 }}>
              <strong>{t('inspections.wo.before')}</strong>
              <div className="phone-photos h5-photos">
                {o.beforePhotoIds.map((p) => (
                  <div className="phone-photo h5-photo" key={p}>
                    <img src={`/api/photos/${encodeURIComponent(p)}/thumb`} alt="" />
                  </div>
                ))}
              </div>
            </section>
          ) : null}
          {o.state === 'open' || o.state === 'in_progress' ? (
            <section className="h5-card" style={{ marginTop: 12 }}>
              <strong>{t('inspections.wo.after')}</strong>
              <PhotoPicker photos={photos} onChange={setPhotos} testId="h5-wo-photo" max={9} />
              <div className="ph-field" style={{ marginTop: 12 }}>
                <label className="ph-label" htmlFor="h5-wo-quantity">
                  {t('inspections.wo.quantity')}
                </label>
                <div style={{ display: 'flex', gap: 8 }}>
                  <TextInput
                    id="h5-wo-quantity"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    value={quantity}
                    invalid={!!problems.quantity}
                    aria-describedby={problems.quantity ? 'h5-wo-quantity-error' : 'h5-wo-quantity-hint'}
                    onChange={(ev) => {
                      setQuantity(ev.target.value);
                      clear('quantity');
                    }}
                    data-testid="h5-wo-quantity"
                  />
                  <select
                    className={`ph-input${problems.quantityUnit ? ' ph-input-invalid' : ''}`}
                    style={{ width: 110 }}
                    value={unit || o.quantityUnit || ''}
                    aria-label={t('inspections.wo.unitNone')}
                    aria-invalid={!!problems.quantityUnit || undefined}
                    onChange={(ev) => {
                      setUnit(ev.target.value as QuantityUnit | '');
                      clear('quantityUnit');
                    }}
                    data-testid="h5-wo-unit"
                  >
                    <option value="">{t('inspections.wo.unitNone')}</option>
                    {QUANTITY_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(`assets.quantityUnits.${u}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {problems.quantity ? (
                  <div className="ph-error" id="h5-wo-quantity-error" data-testid="h5-wo-quantity-error">
                    {problems.quantity}
                  </div>
                ) : null}
                {problems.quantityUnit ? (
                  <div className="ph-error" data-testid="h5-wo-unit-error">
                    {problems.quantityUnit}
                  </div>
                ) : null}
                <div className="ph-hint" id="h5-wo-quantity-hint">
                  {t('inspections.wo.quantityHint')}
                </div>
              </div>
              <div className="ph-field">
                <label className="ph-label" htmlFor="h5-wo-cost">
                  {t('inspections.wo.cost')}
                </label>
                <TextInput
                  id="h5-wo-cost"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  value={cost}
                  invalid={!!problems.cost}
                  aria-describedby={problems.cost ? 'h5-wo-cost-error' : undefined}
                  onChange={(ev) => {
                    setCost(ev.target.value);
                    clear('cost');
                  }}
                  data-testid="h5-wo-cost"
                />
                {problems.cost ? (
                  <div className="ph-error" id="h5-wo-cost-error" data-testid="h5-wo-cost-error">
                    {problems.cost}
                  </div>
                ) : null}
              </div>
              <TextArea
                minRows={2}
                placeholder={t('inspections.wo.note')}
                value={note}
                onChange={(ev) => setNote(ev.currentTarget.value)}
                data-testid="h5-wo-note"
              />
              <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                {o.state === 'open' ? (
                  <Button onClick={() => void act(o, false)} loading={busy} data-testid="h5-wo-start">
                    {t('inspections.wo.start')}
                  </Button>
                ) : null}
                <Button
                  kind="primary"
                  block
                  onClick={() => void act(o, true)}
                  loading={busy}
                  data-testid="h5-wo-finish"
                >
                  {t('inspections.wo.finish')}
                </Button>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

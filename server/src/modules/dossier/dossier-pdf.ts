import type PDFDocument from 'pdfkit';
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import type { SupervisionOrder } from '../../../../common/contracts/supervision.ts';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { tryT } from '../../../../common/i18n/index.ts';
import { drawMap, type MapSnapshot } from './dossier-map.ts';

/**
 * One 案卷 as PDF pages (docs/dossier.md): the case sheet, the map snapshot, the full timeline with actors and times,
 * the approvals, the 督办单 and every photo with its time, all times in the tenant's time zone. The archive copy is
 * Chinese whatever the reader's language, like the other printed documents.
 */
export interface DossierData {
  authority: string;
  timeZone: string;
  detail: CaseDetail;
  photos: { phase: string; createdAt: string; bytes: Buffer | null }[];
  map: MapSnapshot;
  orders: SupervisionOrder[];
}

type Doc = InstanceType<typeof PDFDocument>;

const zh = (key: string, fallback: string) => tryT('zh-CN', key) ?? fallback;
const LEVEL = { general: '一般', key: '重点', listed: '挂牌' } as const;
const PHASE: Record<string, string> = { before: '处置前', after: '处置后', check: '核查' };
/** The requests and decisions of 回退, 延期 and 挂账 (docs/standards.md, "Abnormal flows"). */
const APPROVAL_ACTIONS = [
  'request_return',
  'approve_return',
  'request_extension',
  'approve_extension',
  'request_suspension',
  'approve_suspension',
];

/** A TrueType collection holds several faces: pdfkit picks one by its PostScript name. */
const TTC_FACE = 'WenQuanYiZenHei';

// pdfkit (with its font engine, ≈ 30 MiB) is loaded when the first dossier is printed, not at start
// (docs/decisions/0012-footprint-and-logging.md).
let pdfModule: Promise<typeof PDFDocument> | undefined;
const loadPdfKit = () => (pdfModule ??= import('pdfkit').then((m) => m.default));

export async function openPdf(font: Buffer, fontPath: string, title: string, compress = true): Promise<Doc> {
  const PDFKit = await loadPdfKit();
  const doc = new PDFKit({ size: 'A4', margin: 50, compress, info: { Title: title }, pdfVersion: '1.7' });
  doc.registerFont('cjk', font, fontPath.toLowerCase().endsWith('.ttc') ? TTC_FACE : undefined);
  doc.font('cjk');
  return doc;
}

export async function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function heading(doc: Doc, text: string) {
  doc.moveDown(0.8).fontSize(13).fillColor('#000000').text(text);
  doc
    .moveTo(doc.page.margins.left, doc.y + 2)
    .lineTo(doc.page.width - doc.page.margins.right, doc.y + 2)
    .lineWidth(0.5)
    .stroke('#888888');
  doc.moveDown(0.4).fontSize(10);
}

/** Appends one case's 案卷 to `doc`, starting on a new page unless it is the document's first. */
export function writeDossier(doc: Doc, d: DossierData, first: boolean) {
  if (!first) doc.addPage();
  const c = d.detail;
  const t = (iso: string | null | undefined) => (iso ? zonedDateTime(iso, d.timeZone) : '—');
  doc.fontSize(16).fillColor('#000000').text(d.authority, { align: 'center' });
  doc.moveDown(0.2).fontSize(20).text('案  卷', { align: 'center' });
  doc.moveDown(0.2).fontSize(11).text(c.caseNo, { align: 'right' });

  heading(doc, '案件信息');
  const top = doc.y;
  const mapSize = 190;
  const mapX = doc.page.width - doc.page.margins.right - mapSize;
  doc.save();
  const width = mapX - doc.page.margins.left - 12;
  const sheet: [string, string | null][] = [
    ['案件编号', c.caseNo],
    ['状态', zh(`cases.status.${c.status}`, c.status)],
    ['来源', zh(`cases.channel.${c.channel}`, c.channel)],
    ['事项', `${c.matterCode} ${c.matterName ?? ''}`],
    ['问题描述', c.description],
    ['地址', c.address],
    ['街道 / 社区', [c.streetName, c.communityName].filter(Boolean).join(' / ')],
    ['单元网格', c.gridCode],
    ['立案条件', c.filingCondition],
    ['处置单位', c.unitName],
    ['处置人员', c.handlerName],
    ['上报时间', t(c.reportedAt)],
    ['处置时限', t(c.handlingDeadline)],
    ['结案时间', t(c.closedAt)],
    ['结案类型', c.closeType ? zh(`cases.closeType.${c.closeType}`, c.closeType) : null],
    ['坐标', `${c.lng.toFixed(6)}, ${c.lat.toFixed(6)}`],
  ];
  for (const [label, value] of sheet) {
    doc
      .fontSize(10)
      .fillColor('#555555')
      .text(`${label}：`, doc.page.margins.left, doc.y, { continued: true, width })
      .fillColor('#000000')
      .text(value || '—', { width });
  }
  doc.restore();
  const below = doc.y;
  drawMap(doc, d.map, mapX, top, mapSize);
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text('位置示意（单元网格边界，非正式地图）', mapX, top + mapSize + 4, { width: mapSize });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(below, top + mapSize + 20);

  heading(doc, '办理过程');
  for (const e of c.timeline) {
    const who = [e.actorName, e.actorRole ? zh(`roles.${e.actorRole}`, e.actorRole) : null].filter(Boolean).join(' · ');
    const step =
      e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus
        ? `（${zh(`cases.status.${e.fromStatus}`, e.fromStatus)} → ${zh(`cases.status.${e.toStatus}`, e.toStatus)}）`
        : '';
    doc
      .fontSize(10)
      .fillColor('#000000')
      .text(`${t(e.at)}  ${zh(`cases.action.${e.action}`, e.action)}${step}  ${who || '系统'}`);
    if (e.note) doc.fontSize(9).fillColor('#444444').text(`    ${e.note}`);
  }

  heading(doc, '审批记录');
  const approvals = c.timeline.filter((e) => APPROVAL_ACTIONS.includes(e.action));
  if (!approvals.length) doc.fontSize(10).fillColor('#000000').text('无');
  for (const e of approvals) {
    const data = (e.data ?? {}) as { approve?: boolean };
    const outcome = e.action.startsWith('approve_') ? (data.approve === false ? '不同意' : '同意') : '申请';
    doc
      .fontSize(10)
      .fillColor('#000000')
      .text(
        `${t(e.at)}  ${zh(`cases.action.${e.action}`, e.action)}  ${outcome}  ${e.actorName ?? ''}  ${e.note ?? ''}`,
      );
  }

  heading(doc, '督办单');
  if (!d.orders.length) doc.fontSize(10).fillColor('#000000').text('无');
  for (const o of d.orders) {
    doc
      .fontSize(10)
      .fillColor('#000000')
      .text(
        `${o.orderNo}  ${LEVEL[o.level]}督办  ${o.issuerName} → ${o.targetUnitName ?? ''}  下发 ${t(o.issuedAt)}  期限 ${t(o.dueAt)}`,
      );
    doc.fontSize(9).fillColor('#444444').text(`    事由：${o.reason}`);
    doc
      .fontSize(9)
      .text(
        o.repliedAt
          ? `    回复：${o.replyText ?? ''}（${o.repliedByName ?? ''} ${t(o.repliedAt)}，${o.onTime ? '按期' : '逾期'}）`
          : `    未回复${o.overdue ? '，已超期升级 ' + o.escalationCount + ' 次' : ''}`,
      );
  }

  heading(doc, '照片');
  if (!d.photos.length) doc.fontSize(10).fillColor('#000000').text('无');
  const box = { w: 235, h: 176 };
  let col = 0;
  for (const p of d.photos) {
    if (col === 0 && doc.y + box.h + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const x = doc.page.margins.left + col * (box.w + 25);
    const y = doc.y;
    if (p.bytes) {
      try {
        doc.image(p.bytes, x, y, { fit: [box.w, box.h], align: 'center', valign: 'center' });
      } catch {
        doc.rect(x, y, box.w, box.h).stroke('#cccccc');
      }
    } else doc.rect(x, y, box.w, box.h).stroke('#cccccc');
    doc
      .fontSize(9)
      .fillColor('#000000')
      .text(`${PHASE[p.phase] ?? p.phase}  上传 ${t(p.createdAt)}`, x, y + box.h + 4, { width: box.w });
    if (col === 1) {
      doc.x = doc.page.margins.left;
      doc.y = y + box.h + 22;
      col = 0;
    } else {
      doc.y = y;
      col = 1;
    }
  }
  if (col === 1) doc.y += box.h + 22;
  doc.x = doc.page.margins.left;
}

import type {
  BulletinCreate,
  JointActionCreate,
  RecognitionCreate,
  Message,
  MessageQuery,
  OwnKeys,
  Peer,
  PeerCreate,
  PeerQuery,
  PeerUpdate,
  ReportUpState,
  Transfer,
  TransferCreate,
  TransferQuery,
} from '../../../../common/contracts/federation.ts';
import type {
  ReportUpConfigInput,
  ReportUpOverview,
  ReportUpTestResult,
} from '../../../../common/contracts/report-up.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { Message, OwnKeys, Peer, Transfer };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/federation';

export const fedApi = {
  keys: (signal?: AbortSignal) => api.get<OwnKeys>(`${BASE}/keys`, { signal }),
  rotate: (overlapHours: number) => api.post<OwnKeys>(`${BASE}/keys/rotate`, { overlapHours }),
  peers: (query: PeerQuery, signal?: AbortSignal) => api.get<Page<Peer>>(`${BASE}/peers`, { query, signal }),
  createPeer: (body: PeerCreate) => api.post<Peer>(`${BASE}/peers`, body),
  setPeerStatus: (id: string, status: 'active' | 'revoked') => api.patch<Peer>(`${BASE}/peers/${enc(id)}`, { status }),
  messages: (query: MessageQuery, signal?: AbortSignal) =>
    api.get<Page<Message>>(`${BASE}/messages`, { query, signal }),
  accept: (id: string, note?: string) =>
    api.post<Message>(`${BASE}/messages/${enc(id)}/accept`, note?.trim() ? { note: note.trim() } : {}),
  recognition: (body: RecognitionCreate) => api.post<Message>(`${BASE}/recognitions`, body),
  jointAction: (body: JointActionCreate) => api.post<Message>(`${BASE}/joint-actions`, body),
  giveBack: (id: string, reason: string) => api.post<Message>(`${BASE}/messages/${enc(id)}/return`, { reason }),
  retry: (id: string) => api.post<Message>(`${BASE}/messages/${enc(id)}/retry`, {}),
  bulletin: (body: BulletinCreate) => api.post<{ ids: string[] }>(`${BASE}/bulletins`, body),
  transfer: (body: TransferCreate) => api.post<Transfer>(`${BASE}/transfers`, body),
  transfers: (query: TransferQuery, signal?: AbortSignal) =>
    api.get<Page<Transfer>>(`${BASE}/transfers`, { query, signal }),
  updatePeer: (id: string, body: PeerUpdate) => api.patch<Peer>(`${BASE}/peers/${enc(id)}`, body),
  addPeerKey: (id: string, publicKey: string) => api.post<Peer>(`${BASE}/peers/${enc(id)}/keys`, { publicKey }),
  revokePeerKey: (id: string, keyId: string) =>
    api.post<Peer>(`${BASE}/peers/${enc(id)}/keys/${enc(keyId)}/revoke`, {}),
  reportUp: (signal?: AbortSignal) => api.get<ReportUpOverview>(`${BASE}/report-up`, { signal }),
  saveReportUp: (body: ReportUpConfigInput) => api.put<ReportUpOverview>(`${BASE}/report-up/config`, body),
  testReportUp: () => api.post<ReportUpTestResult>(`${BASE}/report-up/test`, {}),
  runReportUp: (body: { from?: string }) => api.post<ReportUpState>(`${BASE}/report-up/run`, body),
};

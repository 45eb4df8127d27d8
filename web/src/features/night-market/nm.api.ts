import type {
  Application,
  ApplicationQuery,
  Commit,
  Ledger,
  LedgerCreate,
  Market,
  MarketCreate,
  MarketDetail,
  Review,
  Round,
  RoundCreate,
  RoundQuery,
  StallsCreate,
  ViolationCreate,
  ViolationResult,
} from '../../../../common/contracts/night-market.ts';
import type { LotteryFile } from '../../../../common/domain/night-market-lottery.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type { Application, Ledger, Market, MarketDetail, Round };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/night-market';

export const nmApi = {
  markets: (signal?: AbortSignal) => api.get<{ items: Market[] }>(`${BASE}/markets`, { signal }),
  market: (id: string, signal?: AbortSignal) => api.get<MarketDetail>(`${BASE}/markets/${enc(id)}`, { signal }),
  createMarket: (body: MarketCreate) => api.post<MarketDetail>(`${BASE}/markets`, body),
  addStalls: (id: string, body: StallsCreate) => api.post<MarketDetail>(`${BASE}/markets/${enc(id)}/stalls`, body),
  rounds: (query: RoundQuery, signal?: AbortSignal) => api.get<Page<Round>>(`${BASE}/rounds`, { query: query, signal }),
  round: (id: string, signal?: AbortSignal) => api.get<Round>(`${BASE}/rounds/${enc(id)}`, { signal }),
  createRound: (body: RoundCreate) => api.post<Round>(`${BASE}/rounds`, body),
  applications: (id: string, query: ApplicationQuery, signal?: AbortSignal) =>
    api.get<Page<Application>>(`${BASE}/rounds/${enc(id)}/applications`, { query: query, signal }),
  review: (id: string, applicationId: string, body: Review) =>
    api.post<Application>(`${BASE}/rounds/${enc(id)}/applications/${enc(applicationId)}/review`, body),
  commit: (id: string, body: Commit) => api.post<Round>(`${BASE}/rounds/${enc(id)}/commitment`, body),
  publicValue: (id: string, publicValue: string) =>
    api.post<Round>(`${BASE}/rounds/${enc(id)}/public-value`, { publicValue }),
  draw: (id: string, secret: string) => api.post<Round>(`${BASE}/rounds/${enc(id)}/draw`, { secret }),
  file: (id: string) => api.get<LotteryFile>(`${BASE}/rounds/${enc(id)}/lottery.json`),
  ledger: (id: string, signal?: AbortSignal) => api.get<Ledger>(`${BASE}/rounds/${enc(id)}/ledger`, { signal }),
  addLedger: (id: string, body: LedgerCreate) => api.post<{ ok: boolean }>(`${BASE}/rounds/${enc(id)}/ledger`, body),
  addViolation: (id: string, body: ViolationCreate) =>
    api.post<ViolationResult>(`${BASE}/rounds/${enc(id)}/violations`, body),
};

/** Fen as yuan with two decimals (docs/conventions.md, "Money"). */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The tag colour of each round phase. */
export const PHASE_COLORS = {
  upcoming: 'default',
  applying: 'processing',
  reviewing: 'warning',
  committed: 'purple',
  valued: 'magenta',
  drawn: 'success',
} as const;

import type {
  PublicApplied,
  PublicApply,
  PublicRound,
  PublicRoundList,
} from '../../../../common/contracts/night-market.ts';
import type { LotteryFile } from '../../../../common/domain/night-market-lottery.ts';
import { publicCall as call } from '../api/public.api.ts';

export type { PublicRound };
const enc = encodeURIComponent;

/** The stall allocation rounds, applications and the published lottery file (all public). */
export const nightMarketApi = {
  rounds: (signal?: AbortSignal) => call<PublicRoundList>('GET', '/api/public/night-market/rounds', { signal }),
  apply: (roundNo: string, body: PublicApply) =>
    call<PublicApplied>('POST', `/api/public/night-market/rounds/${enc(roundNo)}/applications`, { json: body }),
  file: (roundNo: string) => call<LotteryFile>('GET', `/api/public/night-market/rounds/${enc(roundNo)}/lottery.json`),
};
